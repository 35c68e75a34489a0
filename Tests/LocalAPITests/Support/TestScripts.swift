import ADB
import Foundation
import TaskEngine

/// Completes at once; one task per item of `targets` when given (as follow does per user).
struct QuickScript: TaskScript {
  var name = "quick"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    guard let targets = config["targets"] else { return [config] }
    guard let list = targets.arrayValue, !list.isEmpty else {
      throw ScriptConfigError(field: "targets", message: "must be a non-empty list")
    }
    return list.map { ["target": $0] }
  }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    await task.log("working on \(task.config["target"]?.stringValue ?? "-")")
    return TaskOutcome(remark: "done", result: ["target": task.config["target"] ?? .null])
  }
}

/// Sleeps until cancelled.
struct SleepScript: TaskScript {
  var name = "sleep"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] { [config] }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    try await Task.sleep(for: .seconds(3600))
    return TaskOutcome(remark: "woke up")
  }
}

/// Fails with a coded failure.
struct FailScript: TaskScript {
  var name = "fail"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] { [config] }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    throw TaskFailure(code: "target_missing", message: "@missing_user does not exist")
  }
}

/// Requires `comment_content`.
struct StrictScript: TaskScript {
  var name = "strict"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    guard config["comment_content"]?.stringValue != nil else {
      throw ScriptConfigError(field: "comment_content", message: "is required (a string)")
    }
    return [config]
  }

  func run(_ task: TaskRun) async throws -> TaskOutcome { TaskOutcome(remark: "commented") }
}

/// A device no test script talks to.
struct FakeDevice: ADBDevice {
  let serial: String

  func features() async throws -> Set<String> { [] }

  func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result) async throws -> Result {
    throw ADBError(.serviceRefused, "fake device \(serial) has no services")
  }
}
