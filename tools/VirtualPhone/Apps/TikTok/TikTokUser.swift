/// A user of the TikTok world, derived from the handle alone (``TikTokWorld/user(_:)``).
public struct TikTokUser: Sendable, Hashable {
  /// The handle, without `@`.
  public var handle: String
  /// The display name (`Yamada Anthony`), shown on the rail as `Follow Yamada Anthony`.
  public var nickname: String
  /// The numeric user id of `snssdk1233://user/profile/<uid>`.
  public var uid: String
  /// How many users follow this one.
  public var followers: Int
  /// How many users this one follows.
  public var following: Int
  /// Likes on all of the user's videos.
  public var likes: Int
  /// How many videos the user has posted.
  public var videoCount: Int
  /// The profile's bio.
  public var bio: String

  /// The user with this handle (no check that it exists: see ``TikTokWorld/user(_:)``).
  public init(handle: String) {
    let handle = TikTokWorld.normalized(handle)
    self.handle = handle
    let first = TikTokWorld.Words.firstNames[TikTokWorld.pick(TikTokWorld.Words.firstNames.count, "first", handle)]
    let last = TikTokWorld.Words.lastNames[TikTokWorld.pick(TikTokWorld.Words.lastNames.count, "last", handle)]
    nickname = TikTokWorld.pick(4, "nickname-style", handle) == 0 ? first : "\(first) \(last)"
    uid = Self.uid(of: handle)
    followers = TikTokWorld.skewedCount(minimumDigits: 1, maximumDigits: 7, "followers", handle)
    following = TikTokWorld.pick(2000, "following", handle)
    likes = followers * (1 + TikTokWorld.pick(20, "likes", handle))
    videoCount = 3 + TikTokWorld.pick(45, "videos", handle)
    bio = TikTokWorld.Words.bios[TikTokWorld.pick(TikTokWorld.Words.bios.count, "bio", handle)]
  }

  /// The user id of a handle.
  public static func uid(of handle: String) -> String {
    TikTokWorld.numericID(prefix: "6", "uid", TikTokWorld.normalized(handle))
  }

  /// The id of the user's video `number` (0-based, newest first).
  public func videoID(_ number: Int) -> String {
    let id = TikTokWorld.numericID(prefix: "7", "video", handle, String(number))
    return id.hasSuffix("404") ? String(id.dropLast()) + "5" : id
  }

  /// Every video id of the user, newest first.
  public var videoIDs: [String] { (0..<videoCount).map(videoID) }
}

/// A video of the TikTok world: who posted it, its caption, sound and counts.
public struct TikTokVideo: Sendable, Hashable {
  /// The video id (19 digits for the world's videos).
  public var id: String
  /// Who posted it.
  public var author: TikTokUser
  /// The caption under the author's handle.
  public var caption: String
  /// The sound (`Sound: …` on the rail).
  public var sound: String
  /// Likes before the phone's accounts liked it.
  public var likes: Int
  /// Comments before the phone's accounts commented.
  public var comments: Int
  /// Shares.
  public var shares: Int
  /// Favorites before the phone's accounts added it.
  public var favorites: Int

  /// The video `id` by `author`.
  public init(id: String, author: TikTokUser) {
    self.id = id
    self.author = author
    let words = TikTokWorld.Words.self
    let phrase = words.captions[TikTokWorld.pick(words.captions.count, "caption", id)]
    let topic = words.topics[TikTokWorld.pick(words.topics.count, "topic", id)]
    caption = "\(phrase) #fyp #\(topic)"
    let named = TikTokWorld.pick(3, "sound-kind", id) == 0
    sound =
      named
      ? TikTokWorld.sounds[TikTokWorld.pick(TikTokWorld.sounds.count, "sound", id)]
      : "original sound - \(author.handle)"
    likes = TikTokWorld.skewedCount(minimumDigits: 2, maximumDigits: 6, "likes", id)
    comments = likes / (20 + TikTokWorld.pick(80, "comments", id))
    shares = likes / (10 + TikTokWorld.pick(90, "shares", id))
    favorites = likes / (5 + TikTokWorld.pick(40, "favorites", id))
  }
}
