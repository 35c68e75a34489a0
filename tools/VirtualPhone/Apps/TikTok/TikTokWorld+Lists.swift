extension TikTokWorld {
  /// A comment the world shows under a video (the phone's own comments come first).
  public struct Comment: Sendable, Hashable {
    /// Who wrote it.
    public var author: TikTokUser
    /// What they wrote.
    public var text: String
    /// How long ago (`5h`, `3d`).
    public var age: String
  }

  /// How many of the world's comments a comments sheet lists.
  static let commentRows = 8

  /// The world's comments under a video.
  public static func comments(onVideo id: String) -> [Comment] {
    (0..<commentRows).map { index in
      let key = String(index)
      let age =
        pick(2, "age-unit", id, key) == 0 ? "\(1 + pick(23, "hours", id, key))h" : "\(1 + pick(6, "days", id, key))d"
      return Comment(
        author: TikTokUser(handle: poolUser("commenter", id, key)),
        text: Words.comments[pick(Words.comments.count, "comment", id, key)], age: age)
    }
  }

  /// The rows of a follower or following list: at most ``listLimit``.
  /// - Parameters:
  ///   - handle: whose list.
  ///   - kind: `Followers` or `Following`.
  ///   - count: the count the profile shows.
  public static func listHandles(of handle: String, kind: String, count: Int) -> [String] {
    (0..<min(count, listLimit)).map { poolUser("list", handle, kind, String($0)) }
  }

  /// The users a search for `query` finds: the handle itself first when it is one, then
  /// users from the pool; none for a `ghost…` query.
  public static func searchUsers(_ query: String) -> [String] {
    let query = normalized(query.trimmingSpaces)
    guard !query.isEmpty, !isGhost(query) else { return [] }
    var handles = isValidHandle(query) ? [query] : []
    for index in 0..<12 where handles.count < 10 {
      let handle = poolUser("search", query, String(index))
      if !handles.contains(handle) { handles.append(handle) }
    }
    return handles
  }

  /// The videos a search for `query` finds.
  public static func searchVideos(_ query: String) -> [TikTokVideo] {
    let query = normalized(query.trimmingSpaces)
    guard !query.isEmpty, !isGhost(query) else { return [] }
    return (0..<12).map { forYouVideo(account: "search:\(query)", index: $0) }
  }

  /// The sounds of the sound picker (and of some videos).
  public static let sounds = [
    "Restless - Instrumental", "Espresso - Sabrina Carpenter", "APT. - ROSÉ & Bruno Mars", "Lovin On Me - Jack Harlow",
    "Paint The Town Red - Doja Cat", "Cupid (Twin Ver.) - FIFTY FIFTY", "Calm Down - Rema", "Flowers - Miley Cyrus",
    "Sunroof - Nicky Youre", "Aesthetic - Tollan Kim", "Monkeys Spinning Monkeys - Kevin MacLeod", "Oh No - Kreepa",
    "Little Dark Age - MGMT", "Snowfall - Øneheart", "Made You Look - Meghan Trainor", "Vacation - Dirty Heads",
  ]
}

extension String {
  /// The string without leading and trailing spaces and newlines.
  var trimmingSpaces: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
