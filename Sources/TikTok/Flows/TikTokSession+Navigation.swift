import DeviceControl

/// How a flow reaches a user's profile (`access_method`).
public enum AccessMethod: String, Sendable, Codable, CaseIterable {
  /// Open `https://www.tiktok.com/@user` as a deep link: one step, fewest dumps.
  case direct
  /// Search for the user and open the result, as a person would.
  case search
}

extension TikTokSession {
  /// The text TikTok shows for a handle that does not exist.
  static let accountMissing = UISelector.text("Couldn't find this account")
  /// The text TikTok shows for a deleted or private video.
  static let videoMissing = UISelector.text("This video is unavailable")
  /// The right rail's Like button.
  static let likeButton = UISelector.description(startingWith: "Like video")

  /// Opens `user`'s profile and checks that it is theirs.
  /// - Throws: ``TikTokError/Kind/targetNotFound`` "user @x not found".
  public func openProfile(_ user: String, via method: AccessMethod = .direct) async throws {
    await log("opening @\(user)'s profile (\(method.rawValue))")
    switch method {
    case .direct:
      try await run("open @\(user)") { try await ui.openLink("https://www.tiktok.com/@\(user)", in: Self.package) }
    case .search:
      try await search(user)
      try await tap(.text("Users"), "the Users tab")
      let outcome = try await run("find @\(user) in the results") {
        try await ui.waitForAny([.text("@\(user)"), .text("No results found")])
      }
      guard outcome.index == 0 else {
        throw TikTokError(.targetNotFound, "user @\(user) not found", screen: .searchResults)
      }
      try await tap(.text("@\(user)"), "@\(user) in the results")
    }
    let outcome = try await run("read @\(user)'s profile") {
      try await ui.waitForAny([.text("@\(user)").sibling(.text("Followers")), .text("@\(user)"), Self.accountMissing])
    }
    guard outcome.index < 2 else { throw TikTokError(.targetNotFound, "user @\(user) not found", screen: .profile) }
  }

  /// Opens a video by its URL and checks that it plays.
  /// - Throws: ``TikTokError/Kind/targetNotFound`` for a deleted or private video.
  public func openVideo(_ url: String) async throws {
    await log("opening \(url)")
    try await run("open \(url)") { try await ui.openLink(url, in: Self.package) }
    let outcome = try await run("read the video") { try await ui.waitForAny([Self.likeButton, Self.videoMissing]) }
    guard outcome.index == 0 else { throw TikTokError(.targetNotFound, "video \(url) is unavailable", screen: .video) }
  }

  /// Searches for `query` from the feed's search icon.
  public func search(_ query: String) async throws {
    try await openTab("Home")
    try await tap(.description("Search"), "Search")
    let field = UISelector.className("android.widget.EditText")
    try await run("type the search") { try await ui.type(query, into: field) }
    try await run("submit the search") { try await ui.press(.enter) }
  }

  /// Makes `account` the logged-in account through the account switcher (nothing to do when
  /// it already is).
  /// - Throws: ``TikTokError/Kind/targetNotFound`` when the phone is not logged in to it.
  public func switchAccount(to account: String) async throws {
    try await openTab("Profile")
    if try await ui.find(.text("@\(account)")) != nil {
      await log("@\(account) is the current account")
      return
    }
    await log("switching to @\(account)")
    try await tap(.description("Switch account"), "the account switcher")
    let outcome = try await run("find @\(account) in the switcher") {
      try await ui.waitForAny([.text("@\(account)"), .text("Add account")])
    }
    guard outcome.index == 0 else {
      throw TikTokError(.targetNotFound, "this phone is not logged in to @\(account)", screen: .accountSwitcher)
    }
    try await tap(.text("@\(account)"), "@\(account) in the switcher")
    try await waitFor(.text("@\(account)").and(.any), "@\(account)'s profile")
  }

  /// The text field whose hint (or placeholder text, as uiautomator shows an empty field)
  /// starts with `prefix`, as a selector that still finds it once text is typed.
  func field(labelled prefix: String) async throws -> UISelector {
    let editText = UISelector.className("android.widget.EditText")
    try await waitFor(editText, "the \"\(prefix)\" field")
    let fields = try await run("list the text fields") { try await ui.findAll(editText) }
    guard let index = fields.firstIndex(where: { $0.hint.hasPrefix(prefix) || $0.text.hasPrefix(prefix) }) else {
      let screen = try await screen().screen
      throw TikTokError(.controlNotFound, "no \"\(prefix)\" field", screen: screen)
    }
    return editText.instance(index)
  }
}
