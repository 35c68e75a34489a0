/// What TikTok's servers remember for the phone's accounts: the ``AppStore`` entry of the
/// TikTok model, which survives app restarts. `vphone state` prints it as JSON.
public struct TikTokStore: Sendable {
  /// The installed version (`versionName`).
  public var version: String
  /// The logged-in accounts' handles, in the order the account switcher lists them.
  public var accountHandles: [String]
  /// The account in use.
  public var currentHandle: String
  /// Each account's data, by handle.
  public var accounts: [String: TikTokAccount]
  /// Handles whose profiles the app has shown: `snssdk1233://user/profile/<uid>` finds them.
  public var seenHandles: Set<String> = []

  /// A store with these accounts logged in, the first one in use.
  public init(version: String, accounts handles: [String]) {
    precondition(!handles.isEmpty, "TikTok needs at least one account")
    self.version = version
    accountHandles = handles
    currentHandle = handles[0]
    accounts = Dictionary(handles.map { ($0, TikTokAccount(handle: $0)) }) { first, _ in first }
  }

  /// The account in use.
  public var current: TikTokAccount {
    get { accounts[currentHandle] ?? TikTokAccount(handle: currentHandle) }
    set { accounts[currentHandle] = newValue }
  }

  /// Whether the account in use follows `handle`.
  public func follows(_ handle: String) -> Bool { current.follows.contains(handle) }

  /// The comments every account of the phone wrote on a video, oldest first.
  public func comments(onVideo id: String) -> [TikTokComment] {
    accountHandles.flatMap { accounts[$0]?.comments ?? [] }.filter { $0.video == id }
  }

  /// How many of the phone's accounts like a video (each adds one to its count).
  public func likeCount(ofVideo id: String) -> Int {
    accounts.values.count(where: { $0.likes.contains(id) })
  }

  /// How many of the phone's accounts keep a video in their favorites.
  public func favoriteCount(ofVideo id: String) -> Int {
    accounts.values.count(where: { $0.favorites.contains(id) })
  }
}

/// One logged-in account: everything it did.
public struct TikTokAccount: Sendable, Hashable {
  /// The handle, without `@`.
  public var handle: String
  /// Handles it follows, oldest first.
  public var follows: [String] = []
  /// Ids of the videos it likes, oldest first.
  public var likes: [String] = []
  /// Ids of the videos in its favorites, oldest first.
  public var favorites: [String] = []
  /// Comments it posted.
  public var comments: [TikTokComment] = []
  /// Posts it made, uploading ones included (see ``TikTokPost/publishedAt``).
  public var posts: [TikTokPost] = []
  /// Direct messages it sent.
  public var messages: [TikTokMessage] = []
  /// Its profile fields.
  public var profile: TikTokProfile
  /// The feed videos it watched, and for how long.
  public var watched: [TikTokWatch] = []
  /// What it searched for.
  public var searches: [String] = []
  /// Where its For You feed is (which video of ``TikTokWorld/forYouVideo(account:index:)``).
  public var feedIndex = 0
  /// Where its Following feed is.
  public var followingFeedIndex = 0

  /// A fresh account: its nickname is its handle.
  public init(handle: String) {
    self.handle = handle
    profile = TikTokProfile(nickname: handle, bio: "", avatar: nil)
  }

  /// Posts whose upload has finished by `now`.
  public func publishedPosts(at now: Duration) -> [TikTokPost] {
    posts.filter { $0.publishedAt <= now }
  }

  /// The handles it has sent messages to, most recent conversation first.
  public var conversations: [String] {
    var handles: [String] = []
    for message in messages.reversed() where !handles.contains(message.to) { handles.append(message.to) }
    return handles
  }
}

/// A comment an account posted.
public struct TikTokComment: Sendable, Hashable, Encodable {
  /// The video's id.
  public var video: String
  /// The commenting account's handle.
  public var author: String
  /// The text.
  public var text: String
  /// The attached image's path, if any.
  public var image: String?

  private enum CodingKeys: String, CodingKey { case video, author, text, image }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(video, forKey: .video)
    try container.encode(author, forKey: .author)
    try container.encode(text, forKey: .text)
    try container.encode(image, forKey: .image)  // null when absent, as the contract shows
  }
}

/// A post an account made from Create.
public struct TikTokPost: Sendable, Hashable {
  /// The title field.
  public var title: String
  /// The description field.
  public var description: String
  /// The media paths, in the order they were picked.
  public var media: [String]
  /// The sound picked in the editor, if any.
  public var sound: String?
  /// When the upload started (the phone's uptime).
  public var startedAt: Duration
  /// When the upload finishes: the post exists from then on.
  public var publishedAt: Duration

  /// The caption: title and description joined by a space (either alone when the other is empty).
  public var caption: String {
    [title, description].map(\.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// A direct message an account sent.
public struct TikTokMessage: Sendable, Hashable, Encodable {
  /// The recipient's handle.
  public var to: String
  /// The text.
  public var text: String
}

/// An account's editable profile fields.
public struct TikTokProfile: Sendable, Hashable {
  /// The display name.
  public var nickname: String
  /// The bio.
  public var bio: String
  /// The avatar's path (a gallery photo), if one was picked.
  public var avatar: String?
}

/// A feed video an account watched.
public struct TikTokWatch: Sendable, Hashable, Encodable {
  /// The video's id.
  public var video: String
  /// Whole seconds between arriving on the video and leaving it.
  public var seconds: Int
}
