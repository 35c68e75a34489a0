public import TaskEngine

/// The `script_config` of `like`: which posts, whether to add them to favorites, and how long
/// to watch first.
///
/// `target_post_urls` (a list) wins over `target_post_url` (newline- or comma-separated). One
/// task per URL.
public struct LikeConfig: TikTokScriptConfig {
  /// The longest `view_duration` accepted, in seconds (an hour: longer is a mistake).
  public static let maximumViewSeconds = 3600

  /// The posts.
  public var targetPostURLs: [TikTokPostURL]
  /// Whether to add each post to favorites too (`enable_favorite`, default false).
  public var enableFavorite: Bool
  /// Seconds to watch before liking (`view_duration`, default 0).
  public var viewDurationSeconds: Int

  /// Creates a configuration.
  public init(targetPostURLs: [TikTokPostURL], enableFavorite: Bool = false, viewDurationSeconds: Int = 0) {
    self.targetPostURLs = targetPostURLs
    self.enableFavorite = enableFavorite
    self.viewDurationSeconds = viewDurationSeconds
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for no post URL, a URL that is not a TikTok post, or a
  ///   wrong type.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    targetPostURLs = try reader.targetPosts(["target_post_urls", "target_post_url"])
    enableFavorite = try reader.bool("enable_favorite") ?? false
    viewDurationSeconds = try reader.int("view_duration", in: 0...Self.maximumViewSeconds) ?? 0
  }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    [
      "target_post_urls": .stringList(targetPostURLs.map(\.url)), "enable_favorite": .bool(enableFavorite),
      "view_duration": .int(viewDurationSeconds),
    ]
  }

  /// One task per post URL.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [LikeConfig] {
    targetPostURLs.map {
      LikeConfig(targetPostURLs: [$0], enableFavorite: enableFavorite, viewDurationSeconds: viewDurationSeconds)
    }
  }
}
