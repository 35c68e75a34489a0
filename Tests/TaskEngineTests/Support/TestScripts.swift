import ADB
import Foundation
import Synchronization
import TaskEngine

/// Completes at once: logs a line and returns the target it was planned for. Fans out one task
/// per item of `targets` when given; records each planned `job_count` in the config.
struct QuickScript: TaskScript {
  var name = "quick"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    guard let targets = config["targets"] else { return [["job": .int(context.jobCount)]] }
    guard let list = targets.arrayValue, list.allSatisfy({ $0.stringValue != nil }), !list.isEmpty else {
      throw ScriptConfigError(field: "targets", message: "must be a non-empty list of strings")
    }
    return list.enumerated().map { index, target in ["target": target, "job": .int(context.jobCount + index)] }
  }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    await task.log("hello from \(task.serial)")
    return TaskOutcome(remark: "done", result: ["target": task.config["target"] ?? .null])
  }
}

/// Sleeps until cancelled (or for `seconds`).
struct SleepScript: TaskScript {
  var name = "sleep"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] { [config] }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    await task.log("sleeping")
    try await Task.sleep(for: .seconds(task.config["seconds"]?.doubleValue ?? 3600))
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

/// Requires `comment_content`, as the comment script does.
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

/// Runs `echo` on the device, `count` times with `pause` seconds between.
struct EchoScript: TaskScript {
  var name = "echo"

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] { [config] }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    var last = ""
    for _ in 0..<(task.config["count"]?.intValue ?? 1) {
      last = try await task.device.shell("echo hi").standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
      await task.log("echo said \(last)")
      try await Task.sleep(for: .seconds(task.config["pause"]?.doubleValue ?? 0))
    }
    return TaskOutcome(remark: last)
  }
}

/// Holds each task for `ms` milliseconds and records when it ran, per serial.
struct TimedScript: TaskScript {
  var name = "timed"
  let recorder: RunRecorder

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] { [config] }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    let start = ContinuousClock.now
    recorder.began(task.serial)
    defer { recorder.ended(task.serial, start: start) }
    try await Task.sleep(for: .milliseconds(task.config["ms"]?.intValue ?? 200))
    return TaskOutcome(remark: "held")
  }
}

/// What ``TimedScript`` saw: run intervals per serial, and the most tasks running at once.
final class RunRecorder: Sendable {
  struct Interval: Sendable {
    let serial: String
    let start: ContinuousClock.Instant
    let end: ContinuousClock.Instant
  }
  private struct State {
    var intervals: [Interval] = []
    var current = 0
    var peak = 0
  }
  private let state = Mutex(State())

  func began(_ serial: String) {
    state.withLock { state in
      state.current += 1
      state.peak = max(state.peak, state.current)
    }
  }

  func ended(_ serial: String, start: ContinuousClock.Instant) {
    state.withLock { state in
      state.current -= 1
      state.intervals.append(Interval(serial: serial, start: start, end: .now))
    }
  }

  var intervals: [Interval] { state.withLock { $0.intervals } }
  var peak: Int { state.withLock { $0.peak } }
}

/// A device no script of these tests talks to.
struct FakeDevice: ADBDevice {
  let serial: String

  func features() async throws -> Set<String> { [] }

  func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result) async throws -> Result {
    throw ADBError(.serviceRefused, "fake device \(serial) has no services")
  }
}

/// Every test script.
func testScripts(recorder: RunRecorder = RunRecorder()) -> ScriptRegistry {
  ScriptRegistry([
    QuickScript(), SleepScript(), FailScript(), StrictScript(), EchoScript(), TimedScript(recorder: recorder),
  ])
}
