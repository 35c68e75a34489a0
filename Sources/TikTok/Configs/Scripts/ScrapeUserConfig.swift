public import TaskEngine

/// The `script_config` of `scrape_user`: whose data, and which.
public struct ScrapeUserConfig: TikTokScriptConfig {
  /// What `scrape_user` collects (`mode`).
  public enum Mode: String, Hashable, Sendable, CaseIterable {
    /// The profile's name, bio and counts.
    case profile
    /// The profile, and its followers list up to ``ScrapeUserConfig/maxScrapeCount``.
    case followers
    /// The profile, and its following list up to ``ScrapeUserConfig/maxScrapeCount``.
    case following
  }

  /// The largest `max_scrape_count` accepted: a list longer than this takes hours of scrolling.
  public static let maximumScrapeCount = 10_000

  /// The user, without `@` (`target_username`, required).
  public var targetUsername: String
  /// What to collect (`mode`, default profile).
  public var mode: Mode
  /// The most list entries to collect (`max_scrape_count`, default 50).
  public var maxScrapeCount: Int

  /// Creates a configuration.
  public init(targetUsername: String, mode: Mode = .profile, maxScrapeCount: Int = 50) {
    self.targetUsername = targetUsername
    self.mode = mode
    self.maxScrapeCount = maxScrapeCount
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for a missing or invalid `target_username`, an unknown
  ///   `mode`, or a `max_scrape_count` outside 1–10000.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    guard let text = try reader.nonEmptyString("target_username") else {
      throw reader.error("target_username", "give the TikTok user name to scrape")
    }
    guard let user = TikTokUsername.normalize(text) else {
      throw reader.error("target_username", TikTokUsername.invalidMessage(text))
    }
    targetUsername = user
    mode = try reader.choice("mode", default: .profile)
    maxScrapeCount = try reader.int("max_scrape_count", in: 1...Self.maximumScrapeCount) ?? 50
  }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    [
      "target_username": .string(targetUsername), "mode": .string(mode.rawValue),
      "max_scrape_count": .int(maxScrapeCount),
    ]
  }

  /// One task per executor.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [ScrapeUserConfig] {
    [self]
  }
}
