import Foundation
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct CreationTests {
  @Test func fansOutTargetsTimesDevices() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(
        CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "quick", scriptConfig: ["targets": ["a", "b"]]))
      #expect(ids.count == 4)
      let tasks = try await engine.tasks(matching: TaskQuery(pageSize: 100)).tasks
      let pairs = Set(tasks.map { "\($0.serial)/\($0.scriptConfig["target"]?.stringValue ?? "")" })
      #expect(pairs == ["phone-1/a", "phone-1/b", "phone-2/a", "phone-2/b"])
      #expect(tasks.allSatisfy { $0.source == .api && $0.username == nil && $0.createdAt.count == 19 })
    }
  }

  @Test func scriptsWithoutFanOutCreateOnePerDevice() async throws {
    try await EngineFixture.with { engine in
      let ids = try await engine.create(CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "quick"))
      #expect(ids.count == 2)
    }
  }

  @Test func multiAccountCreatesOneTaskPerEnabledAccountOfTheDevice() async throws {
    try await EngineFixture.with { engine in
      try await engine.addAccount(username: "alice", serial: "phone-1")
      try await engine.addAccount(username: "bob", serial: "phone-1")
      try await engine.addAccount(username: "carol", serial: "phone-1", enabled: false)
      try await engine.addAccount(username: "dave", serial: "phone-2")
      let ids = try await engine.create(
        CreateRequest(
          serials: ["phone-1", "phone-2"], scriptName: "quick", scriptConfig: ["targets": ["x"]],
          enableMultiAccount: true))
      #expect(ids.count == 3)
      let tasks = try await engine.tasks(matching: TaskQuery()).tasks
      #expect(Set(tasks.compactMap(\.username)) == ["alice", "bob", "dave"])
      #expect(tasks.allSatisfy { $0.enableMultiAccount })
    }
  }

  @Test func usernamesRunOnTheirBoundDevices() async throws {
    try await EngineFixture.with { engine in
      try await engine.addAccount(username: "alice", serial: "phone-2")
      try await engine.addAccount(username: "bob", serial: "phone-1")
      let ids = try await engine.create(
        CreateRequest(usernames: ["alice", "bob"], scriptName: "quick", scriptConfig: ["targets": ["x", "y"]]))
      #expect(ids.count == 4)
      let tasks = try await engine.tasks(matching: TaskQuery()).tasks
      #expect(tasks.allSatisfy { ($0.username == "alice") == ($0.serial == "phone-2") })
    }
  }

  @Test func jobCountsAdvancePerScriptAcrossRequests() async throws {
    try await EngineFixture.with { engine in
      _ = try await engine.create(
        CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "quick", scriptConfig: ["targets": ["a", "b"]]))
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      let config = try await engine.task(id: ids[0]).task.scriptConfig
      #expect(config["job"] == 4)
    }
  }

  @Test func startTimeInThePastMeansTomorrow() async throws {
    let clock = MovableClock()
    let configuration = TaskEngine.Configuration(storage: .inMemory, now: { clock.now })
    try await EngineFixture.with(configuration) { engine in
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = .current
      let earlier = calendar.date(byAdding: .minute, value: -5, to: clock.now)!
      let parts = calendar.dateComponents([.hour, .minute, .day], from: earlier)
      let text = String(format: "%02d:%02d", parts.hour!, parts.minute!)
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick", startTime: text))
      let record = try await engine.task(id: ids[0]).task
      let startTime = try #require(record.startTime)
      let tomorrow = calendar.date(byAdding: .day, value: 1, to: earlier)!
      let day = calendar.component(.day, from: tomorrow)
      #expect(startTime.hasSuffix("\(text):00"))
      #expect(startTime.dropFirst(8).prefix(2) == String(format: "%02d", day)[...])
      try await Task.sleep(for: .milliseconds(600))
      #expect(try await engine.status(ids[0]) == .pending)
    }
  }
}
