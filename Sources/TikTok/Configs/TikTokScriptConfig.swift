public import TaskEngine

/// A TikTok script's typed `script_config`: decoded and checked from JSON as API.md describes,
/// split into one configuration per task, and written back as JSON for the task record.
///
/// The configurations ``fanOut(context:using:)`` returns have every choice made: the one
/// target, the comment or message taken (by `*_order` and the job count), the resolved
/// caption. Stored as the task's `script_config` and decoded again when the task runs, they
/// give the same run every time, retries included.
///
/// ```swift
/// let config = try CommentConfig(json: ["target_post_url": "https://www.tiktok.com/@a/video/1",
///                                       "comment_content": "Nice!\nGreat!", "comment_order": "sequential"])
/// let tasks = try config.fanOut(context: PlanContext(executor: TaskExecutor(serial: "A1"), jobCount: 3))
/// tasks[0].commentContents  // ["Great!"]: item 3 mod 2
/// ```
public protocol TikTokScriptConfig: Sendable, Hashable {
  /// Decodes and checks a `script_config`.
  /// - Parameter json: the object a client sent (`{}` or `null` for all defaults).
  /// - Throws: ``ScriptConfigError`` naming the key that is missing or wrong.
  init(json: JSONValue) throws(ScriptConfigError)

  /// The configuration as JSON with TikMatrix's key names and every default filled in;
  /// ``init(json:)`` reads it back to an equal value.
  var json: JSONValue { get }

  /// The configurations of the tasks one executor runs.
  /// - Parameters:
  ///   - context: the executor and the script's job count; the `n`th task returned takes its
  ///     sequential picks with job count `context.jobCount + n`.
  ///   - rng: the random source for random picks and spintax.
  /// - Returns: one configuration per task, in order.
  /// - Throws: ``ScriptConfigError`` when the configuration cannot be split (a media folder
  ///   emptied since it was checked).
  func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) throws(ScriptConfigError) -> [Self]
}

extension TikTokScriptConfig {
  /// The configurations of the tasks one executor runs, with random picks from the system's
  /// random source.
  /// - Parameter context: the executor and the script's job count.
  /// - Returns: one configuration per task, in order.
  /// - Throws: ``ScriptConfigError`` when the configuration cannot be split.
  public func fanOut(context: PlanContext) throws(ScriptConfigError) -> [Self] {
    var rng = SystemRandomNumberGenerator()
    return try fanOut(context: context, using: &rng)
  }
}
