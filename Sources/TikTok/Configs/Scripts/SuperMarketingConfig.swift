public import TaskEngine

/// The `script_config` of `super_marketing`: a campaign of several actions over a list of
/// users and a list of posts, run by each executor in one task.
///
/// `target_users` / `target_user` feed `followUsers`, `unfollowUsers` and `sendDM`;
/// `target_post_urls` / `target_post_url` feed `boostPosts` and `massComment` (lists win over
/// newline- or comma-separated strings). The flow takes the targets in order, logs a failed
/// target and goes on.
public struct SuperMarketingConfig: TikTokScriptConfig {
  /// The users, without `@`, in campaign order.
  public var targetUsers: [String]
  /// The posts, in campaign order.
  public var targetPostURLs: [TikTokPostURL]
  /// The actions to take (`features`).
  public var features: Features
  /// What `sendDM` sends (`dmSettings`).
  public var dmSettings: DMSettings
  /// How `boostPosts` treats each post (`postSettings`).
  public var postSettings: PostSettings
  /// What `massComment` posts (`commentSettings`).
  public var commentSettings: CommentSettings

  /// Creates a configuration.
  public init(
    targetUsers: [String] = [], targetPostURLs: [TikTokPostURL] = [], features: Features,
    dmSettings: DMSettings = DMSettings(), postSettings: PostSettings = PostSettings(),
    commentSettings: CommentSettings = CommentSettings()
  ) {
    self.targetUsers = targetUsers
    self.targetPostURLs = targetPostURLs
    self.features = features
    self.dmSettings = dmSettings
    self.postSettings = postSettings
    self.commentSettings = commentSettings
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` when no feature is on, a feature has no targets of its
  ///   kind or no text to send, or a value has the wrong type.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    targetUsers = try reader.targetUsers(["target_users", "target_user"], required: false)
    targetPostURLs = try reader.targetPosts(["target_post_urls", "target_post_url"], required: false)
    features = try Features(reader.objectOrEmpty("features"))
    dmSettings = try DMSettings(reader.objectOrEmpty("dmSettings"))
    postSettings = try PostSettings(reader.objectOrEmpty("postSettings"))
    commentSettings = try CommentSettings(reader.objectOrEmpty("commentSettings"))
    try check(reader)
  }

  /// The checks across keys: something to do, and what each feature needs.
  private func check(_ reader: ConfigReader) throws(ScriptConfigError) {
    guard features.needsUsers || features.needsPosts else {
      throw reader.error(
        "features", "turn on at least one of followUsers, unfollowUsers, sendDM, boostPosts, massComment")
    }
    if features.needsUsers, targetUsers.isEmpty {
      throw reader.error(
        "target_users", "followUsers, unfollowUsers and sendDM need target users (target_users or target_user)")
    }
    if features.needsPosts, targetPostURLs.isEmpty {
      throw reader.error(
        "target_post_urls", "boostPosts and massComment need target posts (target_post_urls or target_post_url)")
    }
    if features.sendDM, dmSettings.messageContents.isEmpty {
      throw reader.error("dmSettings.message_contents", "sendDM is on: give the message to send (one per line)")
    }
    if features.massComment, commentSettings.commentContents.isEmpty {
      throw reader.error(
        "commentSettings.comment_content", "massComment is on: give the comment to post (one per line)")
    }
  }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    [
      "target_users": .stringList(targetUsers), "target_post_urls": .stringList(targetPostURLs.map(\.url)),
      "features": features.json, "dmSettings": dmSettings.json, "postSettings": postSettings.json,
      "commentSettings": commentSettings.json,
    ]
  }

  /// One task per executor with every target, in order; for sequential orders the messages
  /// and comments are turned to start at item `job_count mod count`.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [SuperMarketingConfig] {
    var task = self
    task.dmSettings.messageContents = dmSettings.messageContents.rotated(
      by: dmSettings.messageOrder, jobCount: context.jobCount)
    task.commentSettings.commentContents = commentSettings.commentContents.rotated(
      by: commentSettings.commentOrder, jobCount: context.jobCount)
    return [task]
  }
}
