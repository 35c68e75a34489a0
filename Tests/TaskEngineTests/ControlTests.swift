import Foundation
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ControlTests {
  @Test func stoppingARunningTaskEndsItFailedStoppedWithinTwoSeconds() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "sleep"))
      #expect(try await eventually { try await engine.status(ids[0]) == .running })
      let started = ContinuousClock.now
      let stopped = try await engine.stop(id: ids[0])
      #expect(ContinuousClock.now - started < .seconds(2))
      #expect(stopped.status == .failed)
      #expect(stopped.remark == "stopped")
      #expect(stopped.failureCode == "stopped")
      // The device is free again.
      let next = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.waitForEnd(next))
    }
  }

  @Test func stoppingAPendingTaskCancelsIt() async throws {
    try await EngineFixture.with { engine in
      let ids =
        try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "sleep"))
        + engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await eventually { try await engine.status(ids[0]) == .running })
      let stopped = try await engine.stop(id: ids[1])
      #expect(stopped.status == .failed && stopped.remark == "stopped")
      #expect(try await engine.status(ids[0]) == .running)
      try await engine.stop(id: ids[0])
    }
  }

  @Test func stoppingAnEndedOrUnknownTaskIsRefused() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.waitForEnd(ids))
      await #expect { try await engine.stop(id: ids[0]) } throws: { ($0 as? TaskEngineError)?.code == .invalidState }
      await #expect { try await engine.stop(id: 999) } throws: { ($0 as? TaskEngineError)?.code == .notFound }
    }
  }

  @Test func retryPutsAFailedTaskBackUntilTheMaximum() async throws {
    let configuration = TaskEngine.Configuration(storage: .inMemory, maxRetryCount: 2)
    try await EngineFixture.with(configuration) { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "fail"))
      for attempt in 1...2 {
        #expect(try await engine.waitForEnd(ids))
        let retried = try await engine.retry(id: ids[0])
        #expect(retried.retryCount == attempt)
        #expect(retried.remark.isEmpty && retried.endTime == nil)
      }
      #expect(try await engine.waitForEnd(ids))
      await #expect { try await engine.retry(id: ids[0]) } throws: { error in
        guard let error = error as? TaskEngineError else { return false }
        return error.code == .invalidState && error.message.contains("maximum")
      }
      let logs = try await engine.task(id: ids[0]).logs.map(\.message)
      #expect(logs == ["retry 1", "retry 2"])
    }
  }

  @Test func retryRefusesTasksThatDidNotFail() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.waitForEnd(ids))
      await #expect { try await engine.retry(id: ids[0]) } throws: { ($0 as? TaskEngineError)?.code == .invalidState }
      await #expect { try await engine.retry(id: 42) } throws: { ($0 as? TaskEngineError)?.code == .notFound }
    }
  }

  @Test func retryAllRetriesEveryFailedTask() async throws {
    try await EngineFixture.with { engine in
      let failing = try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "fail"))
      let passing = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.waitForEnd(failing + passing))
      #expect(try await engine.retryAll() == 2)
      #expect(try await engine.waitForEnd(failing))
      for id in failing { #expect(try await engine.task(id: id).task.retryCount == 1) }
      #expect(try await engine.task(id: passing[0]).task.retryCount == 0)
    }
  }

  @Test func deleteStopsARunningTaskAndRemovesItWithItsLog() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "sleep"))
      #expect(try await eventually { try await engine.status(ids[0]) == .running })
      try await engine.delete(id: ids[0])
      await #expect { try await engine.task(id: ids[0]) } throws: { ($0 as? TaskEngineError)?.code == .notFound }
      #expect(try await engine.stats().total == 0)
      let next = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.waitForEnd(next))
    }
  }

  @Test func batchDeleteIsAllOrNothing() async throws {
    try await EngineFixture.with { engine in
      let ids =
        try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "sleep"))
        + engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await eventually { try await engine.stats().running == 2 })
      await #expect { try await engine.delete(ids: ids + [999]) } throws: { error in
        guard let error = error as? TaskEngineError else { return false }
        return error.code == .notFound && error.message.contains("999")
      }
      #expect(try await engine.stats().total == 3)
      #expect(try await engine.delete(ids: ids) == 3)
      #expect(try await engine.stats() == TaskStats(total: 0, pending: 0, running: 0, completed: 0, failed: 0))
    }
  }

  @Test func statsAddUpAtEveryStep() async throws {
    try await EngineFixture.with { engine in
      func consistent() async throws -> TaskStats {
        let stats = try await engine.stats()
        #expect(stats.total == stats.pending + stats.running + stats.completed + stats.failed)
        return stats
      }
      let sleeping = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "sleep"))
      let quick = try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "quick"))
      #expect(try await consistent().total == 3)
      #expect(
        try await eventually {
          try await consistent() == TaskStats(total: 3, pending: 1, running: 1, completed: 1, failed: 0)
        })
      try await engine.stop(id: sleeping[0])
      #expect(try await engine.waitForEnd(quick))
      #expect(try await consistent() == TaskStats(total: 3, pending: 0, running: 0, completed: 2, failed: 1))
      try await engine.retry(id: sleeping[0])
      #expect(try await eventually { try await consistent().running == 1 })
      try await engine.delete(id: sleeping[0])
      #expect(try await consistent() == TaskStats(total: 2, pending: 0, running: 0, completed: 2, failed: 0))
    }
  }
}
