import Foundation

/// `vphone state` for TikTok: the store as JSON with sorted keys, one line.
///
/// ```json
/// {"accounts":{"vphone1":{"comments":[{"author":"vphone1","image":null,"text":"Nice","video":"7301…"}],
///  "favorites":[],"follows":["user"],"likes":["7301…"],"messages":[{"text":"hi","to":"user"}],
///  "posts":[{"caption":"…","description":"…","media":["/sdcard/…"],"sound":null,"title":"…"}],
///  "profile":{"avatar":null,"bio":"","nickname":"vphone1"},"searches":["cats"],
///  "watched":[{"seconds":12,"video":"7301…"}]}},
///  "current_account":"vphone1","package":"com.zhiliaoapp.musically","screen":"feed","version":"37.5.4"}
/// ```
struct TikTokStateReport: Encodable {
  var package: String
  var version: String
  var currentAccount: String
  var accounts: [String: Account]
  var screen: String

  private enum CodingKeys: String, CodingKey {
    case package, version, accounts, screen
    case currentAccount = "current_account"
  }

  struct Account: Encodable {
    var follows: [String]
    var likes: [String]
    var favorites: [String]
    var comments: [TikTokComment]
    var posts: [Post]
    var messages: [TikTokMessage]
    var profile: Profile
    var watched: [TikTokWatch]
    var searches: [String]
  }

  struct Post: Encodable {
    var title: String
    var description: String
    var caption: String
    var media: [String]
    var sound: String?

    private enum CodingKeys: String, CodingKey { case title, description, caption, media, sound }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(title, forKey: .title)
      try container.encode(description, forKey: .description)
      try container.encode(caption, forKey: .caption)
      try container.encode(media, forKey: .media)
      try container.encode(sound, forKey: .sound)
    }
  }

  struct Profile: Encodable {
    var nickname: String
    var bio: String
    var avatar: String?

    private enum CodingKeys: String, CodingKey { case nickname, bio, avatar }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(nickname, forKey: .nickname)
      try container.encode(bio, forKey: .bio)
      try container.encode(avatar, forKey: .avatar)
    }
  }

  /// The report of an app state: posts count once their upload has finished; the screen is
  /// `dialog` while a pop-up covers the app.
  init(_ state: AppState) {
    let store = state.tiktok
    let now = state.environment.now
    package = TikTok.package
    version = store.version
    currentAccount = store.currentHandle
    screen = state.popup == nil ? (state.route?.screen ?? TikTok.Screen.feed) : "dialog"
    accounts = store.accounts.mapValues { account in
      Account(
        follows: account.follows, likes: account.likes, favorites: account.favorites, comments: account.comments,
        posts: account.publishedPosts(at: now).map {
          Post(title: $0.title, description: $0.description, caption: $0.caption, media: $0.media, sound: $0.sound)
        },
        messages: account.messages,
        profile: Profile(nickname: account.profile.nickname, bio: account.profile.bio, avatar: account.profile.avatar),
        watched: account.watched, searches: account.searches)
    }
  }

  /// The JSON text.
  static func json(_ state: AppState) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(TikTokStateReport(state)) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}
