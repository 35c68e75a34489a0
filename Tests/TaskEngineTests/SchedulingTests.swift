import Foundation
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct SchedulingTests {
  @Test func runsTasksToCompletionWithLogAndResult() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(
        CreateRequest(serials: ["phone-1"], scriptName: "quick", scriptConfig: ["targets": ["a"]]))
      #expect(try await engine.waitForEnd(ids))
      let detail = try await engine.task(id: ids[0])
      #expect(detail.task.status == .completed)
      #expect(detail.task.remark == "done")
      #expect(detail.task.result == ["target": "a"])
      #expect(detail.task.endTime != nil && detail.task.startedAt != nil)
      #expect(detail.logs.map(\.message) == ["hello from phone-1"])
      #expect(detail.logs.first?.time.count == 19)
    }
  }

  @Test func oneTaskAtATimePerDeviceAndDevicesInParallel() async throws {
    let recorder = RunRecorder()
    try await EngineFixture.with(scripts: testScripts(recorder: recorder)) { engine in
      let ids =
        try await engine.create(
          CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "timed", scriptConfig: ["ms": 300]))
        + engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "timed", scriptConfig: ["ms": 300]))
        + engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "timed", scriptConfig: ["ms": 300]))
      #expect(try await engine.waitForEnd(ids))
      for serial in ["phone-1", "phone-2"] {
        let runs = recorder.intervals.filter { $0.serial == serial }.sorted { $0.start < $1.start }
        #expect(runs.count == 3)
        for (earlier, later) in zip(runs, runs.dropFirst()) { #expect(earlier.end <= later.start) }
      }
      // Both devices ran at once (the peak), each one task at a time (the intervals above); how
      // long it took depends on the machine, so it is not asserted (about 0.9 s when idle).
      #expect(recorder.peak == 2)
    }
  }

  @Test func theGlobalCapLimitsDevicesRunningAtOnce() async throws {
    let recorder = RunRecorder()
    let configuration = TaskEngine.Configuration(storage: .inMemory, maxConcurrent: 1)
    try await EngineFixture.with(
      configuration, scripts: testScripts(recorder: recorder), devices: ["phone-1", "phone-2", "phone-3"]
    ) { engine in
      let ids = try await engine.create(
        CreateRequest(serials: ["phone-1", "phone-2", "phone-3"], scriptName: "timed", scriptConfig: ["ms": 150]))
      #expect(try await engine.waitForEnd(ids))
      #expect(recorder.peak == 1)
      #expect(recorder.intervals.count == 3)
    }
  }

  @Test func aFutureStartTimeWaitsThenStartsWithinASecond() async throws {
    let clock = MovableClock()
    let configuration = TaskEngine.Configuration(storage: .inMemory, now: { clock.now })
    try await EngineFixture.with(configuration) { engine in
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = .current
      let later = calendar.date(byAdding: .minute, value: 2, to: clock.now)!
      let parts = calendar.dateComponents([.hour, .minute], from: later)
      let ids = try await engine.create(
        CreateRequest(
          serials: ["phone-1"], scriptName: "quick", startTime: String(format: "%02d:%02d", parts.hour!, parts.minute!)
        ))
      try await Task.sleep(for: .milliseconds(700))
      #expect(try await engine.status(ids[0]) == .pending)
      clock.advance(by: 180)
      let started = ContinuousClock.now
      // The scheduler looks for due tasks every second; the margin is for a machine busy with
      // the rest of the suite.
      #expect(try await engine.waitForEnd(ids, timeout: .seconds(5)))
      #expect(ContinuousClock.now - started < .seconds(3))
      #expect(try await engine.status(ids[0]) == .completed)
    }
  }

  @Test func intervalsPauseBetweenADevicesConsecutiveTasks() async throws {
    let recorder = RunRecorder()
    try await EngineFixture.with(scripts: testScripts(recorder: recorder)) { engine in
      // 0.01 minutes = 0.6 s between the two tasks on phone-1.
      let ids =
        try await engine.create(
          CreateRequest(
            serials: ["phone-1"], scriptName: "timed", scriptConfig: ["ms": 10], minInterval: 0.01, maxInterval: 0.01))
        + engine.create(
          CreateRequest(
            serials: ["phone-1"], scriptName: "timed", scriptConfig: ["ms": 10], minInterval: 0.01, maxInterval: 0.01))
      #expect(try await engine.waitForEnd(ids))
      let runs = recorder.intervals.sorted { $0.start < $1.start }
      try #require(runs.count == 2)
      #expect(runs[1].start - runs[0].end >= .milliseconds(550))
    }
  }

  @Test func pendingTasksOfAnOfflineDeviceWaitForIt() async throws {
    try await EngineFixture.with { engine in
      engine.devices.markOffline(serial: "phone-1")
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      try await Task.sleep(for: .milliseconds(600))
      #expect(try await engine.status(ids[0]) == .pending)
      await engine.devices.register(serial: "phone-1", device: FakeDevice(serial: "phone-1"))
      #expect(try await engine.waitForEnd(ids, timeout: .seconds(2)))
      #expect(try await engine.status(ids[0]) == .completed)
    }
  }

  @Test func aFailingScriptStoresItsCodeAndMessage() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "fail"))
      #expect(try await engine.waitForEnd(ids))
      let task = try await engine.task(id: ids[0]).task
      #expect(task.status == .failed)
      #expect(task.remark == "@missing_user does not exist")
      #expect(task.failureCode == "target_missing")
    }
  }

  @Test func statusChangesStreamInOrder() async throws {
    try await EngineFixture.with { engine in
      let events = engine.events()
      let ids =
        try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "quick"))
        + engine.create(CreateRequest(serials: ["phone-1"], scriptName: "fail"))
      var seen: [Int: [TaskStatus]] = [:]
      var iterator = events.makeAsyncIterator()
      while seen.values.map(\.count).reduce(0, +) < 9, let event = await iterator.next() {
        seen[event.taskID, default: []].append(event.status)
      }
      #expect(seen[ids[0]] == [.pending, .running, .completed])
      #expect(seen[ids[1]] == [.pending, .running, .completed])
      #expect(seen[ids[2]] == [.pending, .running, .failed])
    }
  }
}
