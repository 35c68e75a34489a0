public import TaskEngine

/// The `script_config` of `message`: whom to write to, what to say, and how to pick the words.
///
/// `target_users` (a list) wins over `target_user` (newline- or comma-separated) and
/// `target_username`. `message_contents` is required; each line is one alternative. One task
/// per user, each with the one alternative `message_order` takes (as `comment_order` does).
public struct MessageConfig: TikTokScriptConfig {
  /// The users, without `@`.
  public var targetUsers: [String]
  /// The alternative messages (`message_contents`, one per line); a planned task holds one.
  public var messageContents: [String]
  /// How a task takes its message (`message_order`, default random).
  public var messageOrder: PickOrder
  /// Whether to add a random emoji to the message (`insert_emoji`, default false).
  public var insertEmoji: Bool
  /// How the flow opens each profile (`access_method`, default direct).
  public var accessMethod: AccessMethod

  /// Creates a configuration.
  public init(
    targetUsers: [String], messageContents: [String], messageOrder: PickOrder = .random, insertEmoji: Bool = false,
    accessMethod: AccessMethod = .direct
  ) {
    self.targetUsers = targetUsers
    self.messageContents = messageContents
    self.messageOrder = messageOrder
    self.insertEmoji = insertEmoji
    self.accessMethod = accessMethod
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for no user or message, a name that is not a user name,
  ///   or an unknown `message_order` or `access_method`.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    targetUsers = try reader.targetUsers(["target_users", "target_user", "target_username"])
    messageContents = try reader.textLines("message_contents") ?? []
    guard !messageContents.isEmpty else {
      throw reader.error("message_contents", "give the message to send (one alternative per line)")
    }
    messageOrder = try reader.choice("message_order", default: .random)
    insertEmoji = try reader.bool("insert_emoji") ?? false
    accessMethod = try reader.choice("access_method", default: .direct)
  }

  /// The message a planned task sends (its only alternative), before any emoji is added.
  public var message: String { messageContents.first ?? "" }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    [
      "target_users": .stringList(targetUsers), "message_contents": .textLines(messageContents),
      "message_order": .string(messageOrder.rawValue), "insert_emoji": .bool(insertEmoji),
      "access_method": .string(accessMethod.rawValue),
    ]
  }

  /// One task per user, each with the message `message_order` takes.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [MessageConfig] {
    var tasks: [MessageConfig] = []
    for (offset, user) in targetUsers.enumerated() {
      var task = self
      task.targetUsers = [user]
      task.messageContents = messageContents.narrowed(
        by: messageOrder, jobCount: context.jobCount + offset, using: &rng)
      tasks.append(task)
    }
    return tasks
  }
}
