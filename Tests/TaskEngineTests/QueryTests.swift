import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct QueryTests {
  @Test func filtersAndPagesNewestFirst() async throws {
    try await EngineFixture.with { engine in
      engine.devices.markOffline(serial: "phone-1")
      engine.devices.markOffline(serial: "phone-2")
      let quick = try await engine.create(
        CreateRequest(
          serials: ["phone-1", "phone-2"], scriptName: "quick", scriptConfig: ["targets": ["a", "b", "c"]]))
      let strict = try await engine.create(
        CreateRequest(serials: ["phone-1"], scriptName: "strict", scriptConfig: ["comment_content": "hi"], source: .ui))
      let all = try await engine.tasks(matching: TaskQuery())
      #expect(all.total == 7 && all.tasks.map(\.id) == (quick + strict).reversed())
      #expect(try await engine.tasks(matching: TaskQuery(serial: "phone-2")).total == 3)
      #expect(try await engine.tasks(matching: TaskQuery(scriptName: "strict")).tasks.map(\.id) == strict)
      #expect(try await engine.tasks(matching: TaskQuery(source: .ui)).total == 1)
      #expect(try await engine.tasks(matching: TaskQuery(status: .pending)).total == 7)
      #expect(try await engine.tasks(matching: TaskQuery(status: .running)).total == 0)
      let second = try await engine.tasks(matching: TaskQuery(page: 2, pageSize: 3))
      #expect(second.tasks.map(\.id) == Array((quick + strict).reversed()[3..<6]))
      #expect(second.total == 7 && second.page == 2 && second.pageSize == 3)
      #expect(try await engine.tasks(matching: TaskQuery(page: 4, pageSize: 3)).tasks.isEmpty)
      #expect(TaskQuery(page: 0, pageSize: 500) == TaskQuery(page: 1, pageSize: 100))
    }
  }
}

@Suite(.timeLimit(.minutes(1))) struct AccountTests {
  @Test func addsUpdatesAndDeletesAccounts() async throws {
    try await EngineFixture.with { engine in
      let alice = try await engine.addAccount(username: "alice", serial: "phone-1")
      #expect(alice.enabled && alice.serial == "phone-1")
      await #expect { try await engine.addAccount(username: "alice", serial: nil) } throws: { error in
        (error as? TaskEngineError)?.field == "username"
      }
      let moved = try await engine.updateAccount(username: "alice", AccountUpdate(serial: "phone-2", enabled: false))
      #expect(moved.serial == "phone-2" && !moved.enabled)
      #expect(try await engine.accounts(serial: "phone-2").map(\.username) == ["alice"])
      #expect(try await engine.accounts(serial: "phone-1").isEmpty)
      try await engine.deleteAccount(username: "alice")
      await #expect { try await engine.deleteAccount(username: "alice") } throws: { error in
        (error as? TaskEngineError)?.code == .notFound
      }
    }
  }

  @Test func disabledOrUnboundAccountsAreRefusedByName() async throws {
    try await EngineFixture.with { engine in
      try await engine.addAccount(username: "off", serial: "phone-1", enabled: false)
      try await engine.addAccount(username: "loose", serial: nil)
      for name in ["off", "loose"] {
        await #expect { _ = try await engine.create(CreateRequest(usernames: [name], scriptName: "quick")) } throws: {
          error in
          guard let error = error as? TaskEngineError else { return false }
          return error.field == "usernames" && error.message.contains(name)
        }
      }
    }
  }
}
