import Foundation
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct RecoveryTests {
  @Test func runningTasksOfACrashedProcessAreMarkedInterruptedAndPendingOnesRun() async throws {
    let path = temporaryDatabasePath()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    let configuration = TaskEngine.Configuration(storage: .file(path))
    // A process starts two long tasks with three quick ones queued behind each, then dies.
    let (running, queued) = try await EngineFixture.with(configuration) { engine in
      let running = try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "sleep"))
      let queued = try await engine.create(
        CreateRequest(
          serials: ["phone-1", "phone-2"], scriptName: "quick", scriptConfig: ["targets": ["a", "b", "c"]]))
      #expect(try await eventually { try await engine.stats().running == 2 })
      return (running, queued)
    }
    // The next process finds them.
    let engine = try TaskEngine(configuration: configuration, scripts: testScripts())
    #expect(engine.recoveredTaskCount == 2)
    #expect(try await engine.stats() == TaskStats(total: 8, pending: 6, running: 0, completed: 0, failed: 2))
    for id in running {
      let task = try await engine.task(id: id).task
      #expect(task.status == .failed && task.remark == "interrupted by restart" && task.endTime != nil)
    }
    // The devices are remembered; once they are back, the queue runs.
    #expect(try await engine.deviceStatuses().map(\.state) == ["offline", "offline"])
    try await EngineFixture.running(engine) { engine in
      for serial in ["phone-1", "phone-2"] {
        await engine.devices.register(serial: serial, device: FakeDevice(serial: serial))
      }
      #expect(try await engine.waitForEnd(queued))
      #expect(try await engine.stats().completed == 6)
      // Retry puts an interrupted task back.
      try await engine.retry(id: running[0])
      #expect(try await engine.status(running[0]) != .failed)
      try await engine.stop(id: running[0])
    }
  }
}
