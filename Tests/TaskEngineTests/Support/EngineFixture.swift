import Foundation
import Synchronization
import TaskEngine
import Testing

/// A clock tests can move forward.
final class MovableClock: Sendable {
  private let offset = Mutex<TimeInterval>(0)

  func advance(by seconds: TimeInterval) { offset.withLock { $0 += seconds } }

  var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }
}

enum EngineFixture {
  /// An engine (in memory unless told) with fake devices `serials` registered, running
  /// for the duration of `body`.
  static func with<T>(
    _ configuration: TaskEngine.Configuration = .init(storage: .inMemory), scripts: ScriptRegistry = testScripts(),
    devices serials: [String] = ["phone-1", "phone-2"], _ body: (TaskEngine) async throws -> T
  ) async throws -> T {
    let engine = try TaskEngine(configuration: configuration, scripts: scripts)
    for serial in serials {
      await engine.devices.register(serial: serial, device: FakeDevice(serial: serial), model: "Fake", source: "test")
    }
    return try await running(engine, body)
  }

  /// Runs `engine` for the duration of `body`.
  static func running<T>(_ engine: TaskEngine, _ body: (TaskEngine) async throws -> T) async throws -> T {
    let runner = Task { await engine.run() }
    do {
      let result = try await body(engine)
      runner.cancel()
      await runner.value
      return result
    } catch {
      runner.cancel()
      await runner.value
      throw error
    }
  }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
/// - Returns: whether it held.
@discardableResult
func eventually(
  timeout: Duration = .seconds(5), _ condition: () async throws -> Bool
) async rethrows -> Bool {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return try await condition()
}

extension TaskEngine {
  /// The status of task `id`.
  func status(_ id: Int) async throws -> TaskStatus { try await task(id: id).task.status }

  /// Waits until every task of `ids` has ended.
  func waitForEnd(_ ids: [Int], timeout: Duration = .seconds(10)) async throws -> Bool {
    try await eventually(timeout: timeout) {
      for id in ids where try await [.pending, .running].contains(status(id)) { return false }
      return true
    }
  }
}

/// A temporary database path, in its own folder.
func temporaryDatabasePath() -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taskengine-\(UUID().uuidString)")
  return folder.appendingPathComponent("tasks.sqlite").path
}
