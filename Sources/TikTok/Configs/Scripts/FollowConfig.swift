public import TaskEngine

/// The `script_config` of `follow` and `unfollow`: whom, and how to reach their profiles.
///
/// `target_users` (a list) wins over `target_user` (a newline- or comma-separated string) and
/// `target_username` (the seed's older single key). One task per target user.
public struct FollowConfig: TikTokScriptConfig {
  /// The users, without `@`.
  public var targetUsers: [String]
  /// How the flow opens each profile (`access_method`, default direct).
  public var accessMethod: AccessMethod

  /// Creates a configuration.
  public init(targetUsers: [String], accessMethod: AccessMethod = .direct) {
    self.targetUsers = targetUsers
    self.accessMethod = accessMethod
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for no target user, a name that is not one, or an unknown
  ///   `access_method`.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    targetUsers = try reader.targetUsers(["target_users", "target_user", "target_username"])
    accessMethod = try reader.choice("access_method", default: .direct)
  }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    ["target_users": .stringList(targetUsers), "access_method": .string(accessMethod.rawValue)]
  }

  /// One task per target user.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [FollowConfig] {
    targetUsers.map { FollowConfig(targetUsers: [$0], accessMethod: accessMethod) }
  }
}

/// The `script_config` of `unfollow`: the same keys as `follow`.
public typealias UnfollowConfig = FollowConfig
