public import TaskEngine

/// The `script_config` of `account_warmup`: watch the feed (or a topic's results) for a while,
/// and like, follow, favorite and comment by chance.
///
/// The probabilities are percentages, 0–100; the follow one is spelled `floow_probable`, as
/// TikMatrix spells it (`follow_probable` is read when it is absent). One task per executor,
/// with one topic picked and, for a sequential `comment_order`, the comments turned to start at
/// item `job_count mod count`.
public struct AccountWarmupConfig: TikTokScriptConfig {
  /// The longest `task_duration` accepted, in seconds (a day).
  public static let maximumTaskSeconds = 86_400
  /// The longest watch per video accepted, in seconds.
  public static let maximumWatchSeconds = 3600

  /// How long the whole warm-up lasts, in seconds (`task_duration`, default 600).
  public var taskDurationSeconds: Int
  /// Topics to search (`topic`, one per line); a planned task holds the one picked, or none
  /// to watch the For You feed.
  public var topics: [String]
  /// The shortest watch per video, in seconds (`min_duration`, default 15).
  public var minDurationSeconds: Int
  /// The longest watch per video, in seconds (`max_duration`, default 30, or `min_duration`
  /// when that is longer).
  public var maxDurationSeconds: Int
  /// The chance to like a video (`like_probable`, default 0).
  public var likeProbability: Probability
  /// The chance to follow a video's author (`floow_probable`, default 0).
  public var followProbability: Probability
  /// The chance to add a video to favorites (`collect_probable`, default 0).
  public var collectProbability: Probability
  /// The chance to comment on a video (`comment_probable`, default 0).
  public var commentProbability: Probability
  /// The comments to post (`comment`, one per line).
  public var comments: [String]
  /// Whether to add a random emoji to each comment (`insert_emoji`, default false).
  public var insertEmoji: Bool
  /// How the comments are taken (`comment_order`, default random).
  public var commentOrder: PickOrder
  /// Whether comments are written by ``chatGPTSettings`` (`generate_by_chatgpt`, default false).
  public var generateByChatGPT: Bool
  /// The endpoint that writes comments (`chatgpt_settings`).
  public var chatGPTSettings: ChatGPTSettings?

  /// Creates a configuration with TikMatrix's defaults: ten minutes of watching, 15–30 s a
  /// video, no interaction.
  public init(taskDurationSeconds: Int = 600, topics: [String] = [], watchSeconds: ClosedRange<Int> = 15...30) {
    self.taskDurationSeconds = taskDurationSeconds
    self.topics = topics
    self.minDurationSeconds = watchSeconds.lowerBound
    self.maxDurationSeconds = watchSeconds.upperBound
    self.likeProbability = .never
    self.followProbability = .never
    self.collectProbability = .never
    self.commentProbability = .never
    self.comments = []
    self.insertEmoji = false
    self.commentOrder = .random
    self.generateByChatGPT = false
    self.chatGPTSettings = nil
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for a duration or probability out of range, a
  ///   `max_duration` below `min_duration`, a comment chance with no comment to post, or
  ///   ChatGPT generation without an API key.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    taskDurationSeconds = try reader.int("task_duration", in: 1...Self.maximumTaskSeconds) ?? 600
    topics = try reader.textLines("topic") ?? []
    minDurationSeconds = try reader.int("min_duration", in: 1...Self.maximumWatchSeconds) ?? 15
    maxDurationSeconds = try reader.int("max_duration", in: 1...Self.maximumWatchSeconds) ?? max(30, minDurationSeconds)
    guard maxDurationSeconds >= minDurationSeconds else {
      throw reader.error(
        "max_duration", "must be at least min_duration (\(minDurationSeconds) s), got \(maxDurationSeconds) s")
    }
    likeProbability = try reader.probability("like_probable") ?? .never
    let correctlySpelled = try reader.probability("follow_probable")
    followProbability = try reader.probability("floow_probable") ?? correctlySpelled ?? .never
    collectProbability = try reader.probability("collect_probable") ?? .never
    commentProbability = try reader.probability("comment_probable") ?? .never
    comments = try reader.textLines("comment") ?? []
    insertEmoji = try reader.bool("insert_emoji") ?? false
    commentOrder = try reader.choice("comment_order", default: .random)
    generateByChatGPT = try reader.bool("generate_by_chatgpt") ?? false
    let settings = try reader.objectOrEmpty("chatgpt_settings")
    if generateByChatGPT || reader.has("chatgpt_settings") {
      chatGPTSettings = try ChatGPTSettings(settings, required: generateByChatGPT)
    } else {
      chatGPTSettings = nil
    }
    if commentProbability > .never, comments.isEmpty, !generateByChatGPT {
      throw reader.error(
        "comment",
        "comment_probable is \(commentProbability.percent) but there is nothing to post: give comments (one per line) "
          + "or turn on generate_by_chatgpt")
    }
  }

  /// The watch time per video, in seconds.
  public var watchSeconds: ClosedRange<Int> { minDurationSeconds...maxDurationSeconds }

  /// The topic a planned task searches, or nil for the For You feed.
  public var topic: String? { topics.first }

  /// The `number`th comment (from 0) a task posts: in turn for a sequential order (the list is
  /// already turned to the job count), any for a random one; nil when there are none.
  public func comment(number: Int, using rng: inout some RandomNumberGenerator) -> String? {
    guard !comments.isEmpty else { return nil }
    return comments[commentOrder.index(count: comments.count, jobCount: number, using: &rng)]
  }
}
