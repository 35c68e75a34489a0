import TaskEngine

extension SuperMarketingConfig {
  /// Which actions the campaign takes (`features`; each false by default).
  public struct Features: Hashable, Sendable {
    /// Follow each target user (`followUsers`).
    public var followUsers = false
    /// Unfollow each target user (`unfollowUsers`).
    public var unfollowUsers = false
    /// Send each target user a message (`sendDM`).
    public var sendDM = false
    /// Watch, like and favorite each target post by ``PostSettings`` (`boostPosts`).
    public var boostPosts = false
    /// Comment on each target post (`massComment`).
    public var massComment = false

    /// Creates a set of features, all off unless given.
    public init(
      followUsers: Bool = false, unfollowUsers: Bool = false, sendDM: Bool = false, boostPosts: Bool = false,
      massComment: Bool = false
    ) {
      self.followUsers = followUsers
      self.unfollowUsers = unfollowUsers
      self.sendDM = sendDM
      self.boostPosts = boostPosts
      self.massComment = massComment
    }

    /// Whether a feature works on target users.
    public var needsUsers: Bool { followUsers || unfollowUsers || sendDM }
    /// Whether a feature works on target posts.
    public var needsPosts: Bool { boostPosts || massComment }

    init(_ reader: ConfigReader) throws(ScriptConfigError) {
      followUsers = try reader.bool("followUsers") ?? false
      unfollowUsers = try reader.bool("unfollowUsers") ?? false
      sendDM = try reader.bool("sendDM") ?? false
      boostPosts = try reader.bool("boostPosts") ?? false
      massComment = try reader.bool("massComment") ?? false
    }

    var json: JSONValue {
      [
        "followUsers": .bool(followUsers), "unfollowUsers": .bool(unfollowUsers), "sendDM": .bool(sendDM),
        "boostPosts": .bool(boostPosts), "massComment": .bool(massComment),
      ]
    }
  }

  /// What `sendDM` sends (`dmSettings`).
  public struct DMSettings: Hashable, Sendable {
    /// The alternative messages (`message_contents`, one per line).
    public var messageContents: [String] = []
    /// How each message is taken (`message_order`, default random).
    public var messageOrder = PickOrder.random
    /// Whether to add a random emoji (`insert_emoji`, default false).
    public var insertEmoji = false

    /// Creates settings.
    public init(messageContents: [String] = [], messageOrder: PickOrder = .random, insertEmoji: Bool = false) {
      self.messageContents = messageContents
      self.messageOrder = messageOrder
      self.insertEmoji = insertEmoji
    }

    /// The message for the campaign's `number`th DM (from 0): in turn for a sequential order
    /// (the list is already turned to the job count), any for a random one.
    public func message(number: Int, using rng: inout some RandomNumberGenerator) -> String? {
      messageContents.item(number: number, order: messageOrder, using: &rng)
    }

    init(_ reader: ConfigReader) throws(ScriptConfigError) {
      messageContents = try reader.textLines("message_contents") ?? []
      messageOrder = try reader.choice("message_order", default: .random)
      insertEmoji = try reader.bool("insert_emoji") ?? false
    }

    var json: JSONValue {
      [
        "message_contents": .textLines(messageContents), "message_order": .string(messageOrder.rawValue),
        "insert_emoji": .bool(insertEmoji),
      ]
    }
  }

  /// What `massComment` posts (`commentSettings`).
  public struct CommentSettings: Hashable, Sendable {
    /// The alternative comments (`comment_content`, one per line).
    public var commentContents: [String] = []
    /// How each comment is taken (`comment_order`, default random).
    public var commentOrder = PickOrder.random
    /// Whether to add a random emoji (`insert_emoji`, default false).
    public var insertEmoji = false

    /// Creates settings.
    public init(commentContents: [String] = [], commentOrder: PickOrder = .random, insertEmoji: Bool = false) {
      self.commentContents = commentContents
      self.commentOrder = commentOrder
      self.insertEmoji = insertEmoji
    }

    /// The comment for the campaign's `number`th comment (from 0), as ``DMSettings/message(number:using:)``.
    public func comment(number: Int, using rng: inout some RandomNumberGenerator) -> String? {
      commentContents.item(number: number, order: commentOrder, using: &rng)
    }

    init(_ reader: ConfigReader) throws(ScriptConfigError) {
      commentContents = try reader.textLines("comment_content") ?? []
      commentOrder = try reader.choice("comment_order", default: .random)
      insertEmoji = try reader.bool("insert_emoji") ?? false
    }

    var json: JSONValue {
      [
        "comment_content": .textLines(commentContents), "comment_order": .string(commentOrder.rawValue),
        "insert_emoji": .bool(insertEmoji),
      ]
    }
  }
}
