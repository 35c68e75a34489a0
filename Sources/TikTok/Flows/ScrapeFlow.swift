import DeviceControl
public import TaskEngine

extension TikTokSession {
  /// Reads `user`'s profile: handle, display name and the three counts.
  /// - Returns: `{username, nickname, following, followers, likes}` (counts as numbers, and as
  ///   TikTok shows them under `*_text`).
  public func scrapeProfile(_ user: String, via method: AccessMethod = .direct) async throws -> JSONValue {
    try await openProfile(user, via: method)
    let screen = try await run("read the profile") { try await ui.hierarchy() }
    var result: [String: JSONValue] = ["username": .string(user)]
    for label in ["Following", "Followers", "Likes"] {
      let number = try UISelector.text(matching: #"[0-9][0-9.,]*[KMB]?"#).nearest(to: .text(label))
      guard let value = screen.first(matching: number)?.text else {
        throw TikTokError(.controlNotFound, "no \(label) count on @\(user)'s profile", screen: .profile)
      }
      result[label.lowercased()] = Self.count(value).map { .int($0) } ?? .null
      result["\(label.lowercased())_text"] = .string(value)
    }
    if let handle = screen.first(matching: .text("@\(user)")),
      let name = screen.siblings(of: handle).first(where: { !$0.text.isEmpty && !$0.text.hasPrefix("@") })
    {
      result["nickname"] = .string(name.text)
    }
    return .object(result)
  }

  /// Collects the handles of `user`'s followers or followings, scrolling until `limit` or the
  /// end of the list.
  public func scrapeList(_ user: String, following: Bool, limit: Int, via method: AccessMethod = .direct)
    async throws -> [String]
  {
    try await openProfile(user, via: method)
    let label = following ? "Following" : "Followers"
    try await tap(.text(label), label)
    try await waitFor(.text(startingWith: "@"), "the \(label.lowercased()) list")
    var handles: [String] = []
    var seen = Set<String>()
    var quietSwipes = 0
    while handles.count < limit && quietSwipes < 2 {
      let rows = try await run("read the list") { try await ui.findAll(.text(startingWith: "@")) }
      var added = 0
      for row in rows where row.text != "@\(user)" && seen.insert(row.text).inserted {
        handles.append(String(row.text.dropFirst()))
        added += 1
      }
      quietSwipes = added == 0 ? quietSwipes + 1 : 0
      guard handles.count < limit else { break }
      try await scrollOnce()
    }
    await log("collected \(min(handles.count, limit)) \(label.lowercased())")
    return Array(handles.prefix(limit))
  }

  /// One swipe up over the middle of the screen.
  func scrollOnce() async throws {
    let size = try await run("read the screen size") { try await ui.screenSize() }
    try await run("scroll") {
      try await ui.swipe(
        from: (size.width / 2, size.height * 3 / 4), to: (size.width / 2, size.height / 4), duration: .milliseconds(300)
      )
    }
  }

  /// "1,386" → 1386, "48.5K" → 48500, "1.2M" → 1200000.
  static func count(_ text: String) -> Int? {
    let multipliers: [Character: Double] = ["K": 1e3, "M": 1e6, "B": 1e9]
    var digits = text.replacing(",", with: "")
    var multiplier = 1.0
    if let last = digits.last, let factor = multipliers[last] {
      multiplier = factor
      digits.removeLast()
    }
    return Double(digits).map { Int(($0 * multiplier).rounded()) }
  }
}
