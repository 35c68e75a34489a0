/// A script the engine can run: a named flow with a configuration check. The engine knows no
/// script by itself; a higher layer (TikTok) registers its scripts in a ``ScriptRegistry``.
///
/// ```swift
/// struct Follow: TaskScript {
///   let name = "follow"
///   func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
///     guard let users = config["target_users"]?.arrayValue, !users.isEmpty else {
///       throw ScriptConfigError(field: "target_users", message: "give at least one user")
///     }
///     return users.map { ["target_username": $0] }        // one task per target user
///   }
///   func run(_ task: TaskRun) async throws -> TaskOutcome {
///     await task.log("opening @\(task.config["target_username"]?.stringValue ?? "")")
///     return TaskOutcome(remark: "followed")
///   }
/// }
/// ```
public protocol TaskScript: Sendable {
  /// The `script_name` clients use (`follow`, `account_warmup`, …).
  var name: String { get }

  /// Checks `config` when tasks are created and splits it into one configuration per task.
  ///
  /// The engine calls this once per executor (a device, or an account on its device), inside
  /// the transaction that inserts the tasks; nothing is created when it throws. Scripts that
  /// fan out (follow: one task per target user) return several configurations; the others
  /// return one. Return normalized configurations (defaults filled in): they are what the task
  /// record shows and what ``run(_:)`` receives.
  /// - Parameters:
  ///   - config: the request's `script_config` (`{}` when absent).
  ///   - context: the executor and this script's job counter.
  /// - Returns: one configuration per task to create for this executor.
  /// - Throws: ``ScriptConfigError`` naming the key that is missing or wrong.
  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue]

  /// Runs one task on its device.
  ///
  /// Stop and device loss cancel the Swift task running this method: check
  /// `Task.checkCancellation()` between steps and let `CancellationError` propagate.
  /// - Parameter task: the device, the configuration, and the task's log.
  /// - Returns: the remark (and optional result object) of a completed task.
  /// - Throws: anything; the task fails with the error's code and message (see ``TaskFailure``).
  func run(_ task: TaskRun) async throws -> TaskOutcome
}
