public import TaskEngine

extension AccountWarmupConfig {
  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "task_duration": .int(taskDurationSeconds), "topic": .textLines(topics), "min_duration": .int(minDurationSeconds),
      "max_duration": .int(maxDurationSeconds), "like_probable": .int(likeProbability.percent),
      "floow_probable": .int(followProbability.percent), "collect_probable": .int(collectProbability.percent),
      "comment_probable": .int(commentProbability.percent), "comment": .textLines(comments),
      "insert_emoji": .bool(insertEmoji), "comment_order": .string(commentOrder.rawValue),
      "generate_by_chatgpt": .bool(generateByChatGPT),
    ]
    if let chatGPTSettings { members["chatgpt_settings"] = chatGPTSettings.json }
    return .object(members)
  }

  /// One task per executor, with one topic picked at random (TikMatrix: "one per line, picked
  /// at random") and the comments turned to the job count for a sequential order.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) -> [AccountWarmupConfig] {
    var task = self
    task.topics = topics.narrowed(by: .random, jobCount: context.jobCount, using: &rng)
    task.comments = comments.rotated(by: commentOrder, jobCount: context.jobCount)
    return [task]
  }
}
