public import TaskEngine

/// The ten TikTok scripts by their `script_name`, each with its configuration type and its
/// fan-out: how one request's `script_config` becomes the tasks of one executor.
///
/// ```swift
/// let script = TikTokScriptName(rawValue: "follow")!
/// let tasks = try script.fanOut(config: ["target_user": "alice, bob"], context: context)
/// // [{"target_users": ["alice"], "access_method": "direct"}, {"target_users": ["bob"], …}]
/// ```
public enum TikTokScriptName: String, Hashable, Sendable, CaseIterable {
  /// Follow each target user: one task per user (``FollowConfig``).
  case follow
  /// Unfollow each target user: one task per user (``FollowConfig``).
  case unfollow
  /// Comment on each post: one task per URL (``CommentConfig``).
  case comment
  /// Publish media: one task per executor (``PostConfig``).
  case post
  /// Watch and interact by chance: one task per executor (``AccountWarmupConfig``).
  case accountWarmup = "account_warmup"
  /// Like each post: one task per URL (``LikeConfig``).
  case like
  /// Message each target user: one task per user (``MessageConfig``).
  case message
  /// Change the name, bio and photo: one task per executor (``ProfileConfig``).
  case profile
  /// Collect a user's profile and lists: one task per executor (``ScrapeUserConfig``).
  case scrapeUser = "scrape_user"
  /// A campaign over users and posts: one task per executor (``SuperMarketingConfig``).
  case superMarketing = "super_marketing"

  /// Whether TikMatrix itself accepts this script through its API (the first five); the
  /// others answer 40003 there, while DroidMatrix accepts all ten.
  public var isInTikMatrixAPI: Bool {
    switch self {
    case .post, .follow, .unfollow, .accountWarmup, .comment: true
    default: false
    }
  }

  /// The configuration type that decodes this script's `script_config`.
  public var configType: any TikTokScriptConfig.Type {
    switch self {
    case .follow, .unfollow: FollowConfig.self
    case .comment: CommentConfig.self
    case .post: PostConfig.self
    case .accountWarmup: AccountWarmupConfig.self
    case .like: LikeConfig.self
    case .message: MessageConfig.self
    case .profile: ProfileConfig.self
    case .scrapeUser: ScrapeUserConfig.self
    case .superMarketing: SuperMarketingConfig.self
    }
  }

  /// Checks `config` without planning tasks.
  /// - Throws: ``ScriptConfigError`` naming the key that is missing or wrong.
  public func validate(_ config: JSONValue) throws(ScriptConfigError) {
    _ = try configType.init(json: config)
  }

  /// Decodes `config` and splits it into the configurations of one executor's tasks, as JSON
  /// to store with each task: the shape ``TaskScript/plan(config:context:)`` returns.
  /// - Parameters:
  ///   - config: the request's `script_config`.
  ///   - context: the executor and this script's job count.
  ///   - rng: the random source for random picks and spintax.
  /// - Returns: one normalized configuration per task.
  /// - Throws: ``ScriptConfigError`` naming the key that is missing or wrong.
  public func fanOut(config: JSONValue, context: PlanContext, using rng: inout some RandomNumberGenerator)
    throws(ScriptConfigError) -> [JSONValue]
  {
    try Self.fanOut(configType, config: config, context: context, using: &rng)
  }

  /// ``fanOut(config:context:using:)`` with the system's random source.
  /// - Throws: ``ScriptConfigError`` naming the key that is missing or wrong.
  public func fanOut(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    var rng = SystemRandomNumberGenerator()
    return try fanOut(config: config, context: context, using: &rng)
  }

  private static func fanOut<Config: TikTokScriptConfig>(
    _ type: Config.Type, config: JSONValue, context: PlanContext, using rng: inout some RandomNumberGenerator
  ) throws(ScriptConfigError) -> [JSONValue] {
    try Config(json: config).fanOut(context: context, using: &rng).map(\.json)
  }
}
