public import TaskEngine

/// The `script_config` of `comment`: which posts, what to say, and how to pick the words.
///
/// `target_post_urls` (a list) wins over `target_post_url` (newline- or comma-separated).
/// `comment_content` is required; each line is one alternative. One task per post URL, each
/// with the one alternative `comment_order` takes: `sequential` gives the `n`th task item
/// `(job_count + n) mod count`.
public struct CommentConfig: TikTokScriptConfig {
  /// The posts.
  public var targetPostURLs: [TikTokPostURL]
  /// The alternative comments (`comment_content`, one per line); a planned task holds one.
  public var commentContents: [String]
  /// How a task takes its comment (`comment_order`, default random).
  public var commentOrder: PickOrder
  /// Whether to add a random emoji to the comment (`insert_emoji`, default false).
  public var insertEmoji: Bool
  /// An image on this computer to attach (`comment_image_path`), pushed to the phone first.
  public var commentImagePath: String?

  /// Creates a configuration.
  public init(
    targetPostURLs: [TikTokPostURL], commentContents: [String], commentOrder: PickOrder = .random,
    insertEmoji: Bool = false, commentImagePath: String? = nil
  ) {
    self.targetPostURLs = targetPostURLs
    self.commentContents = commentContents
    self.commentOrder = commentOrder
    self.insertEmoji = insertEmoji
    self.commentImagePath = commentImagePath
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for no post URL or comment, a URL that is not a TikTok
  ///   post, an unknown `comment_order`, or a `comment_image_path` with no file.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    targetPostURLs = try reader.targetPosts(["target_post_urls", "target_post_url"])
    commentContents = try reader.textLines("comment_content") ?? []
    guard !commentContents.isEmpty else {
      throw reader.error("comment_content", "give the comment to post (one alternative per line)")
    }
    commentOrder = try reader.choice("comment_order", default: .random)
    insertEmoji = try reader.bool("insert_emoji") ?? false
    commentImagePath = try reader.file("comment_image_path")
  }

  /// The comment a planned task posts (its only alternative), before any emoji is added.
  public var comment: String { commentContents.first ?? "" }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "target_post_urls": .stringList(targetPostURLs.map(\.url)), "comment_content": .textLines(commentContents),
      "comment_order": .string(commentOrder.rawValue), "insert_emoji": .bool(insertEmoji),
    ]
    if let commentImagePath { members["comment_image_path"] = .string(commentImagePath) }
    return .object(members)
  }

  /// One task per post URL, each with the comment `comment_order` takes.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [CommentConfig] {
    var tasks: [CommentConfig] = []
    for (offset, post) in targetPostURLs.enumerated() {
      var task = self
      task.targetPostURLs = [post]
      task.commentContents = commentContents.narrowed(
        by: commentOrder, jobCount: context.jobCount + offset, using: &rng)
      tasks.append(task)
    }
    return tasks
  }
}
