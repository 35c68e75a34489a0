import Foundation
import TaskEngine
import Testing

/// Stop, retry, delete and crash recovery of `droidmatrix serve`, over real HTTP.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ServeLifecycleTests {
  /// A 10-minute account_warmup on `serials`: a task that keeps running until stopped.
  static func warmup(_ serials: [String]) -> String {
    let list = serials.map { "\"\($0)\"" }.joined(separator: ", ")
    return #"{"serials": [\#(list)], "script_name": "account_warmup", "script_config": {"task_duration": 600}}"#
  }

  static func status(_ server: ServeFixture, _ id: Int) async throws -> JSONValue? {
    try await server.call("GET", "/task/\(id)")["data"]
  }

  @Test func stopRetryRetryAllAndDeleteKeepTheStatsConsistent() async throws {
    let server = try await ServeFixture.start(virtualPhones: 2)
    defer { server.kill() }
    let created = try await server.call("POST", "/task", json: Self.warmup(["vphone-1", "vphone-2"]))
    let ids = created["data"]?["task_ids"]?.arrayValue?.compactMap(\.intValue) ?? []
    #expect(ids.count == 2, "\(created)")
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(20)) {
        try await server.call("GET", "/task/stats")["data"]?["running"]?.intValue == 2
      })

    // A running warmup stops within 2 s and ends failed with remark "stopped".
    let clock = ContinuousClock()
    let stopStart = clock.now
    let stopped = try await server.call("POST", "/task/\(ids[0])/stop")
    #expect(stopped["code"]?.intValue == 0, "\(stopped)")
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(2)) {
        try await Self.status(server, ids[0])?["status"]?.intValue == 3
      })
    #expect(clock.now - stopStart < .seconds(2))
    #expect(try await Self.status(server, ids[0])?["remark"]?.stringValue == "stopped")
    var stats = try await server.call("GET", "/task/stats")["data"]
    #expect(stats?["failed"]?.intValue == 1 && stats?["running"]?.intValue == 1 && stats?["total"]?.intValue == 2)

    // Retry puts it back (retry_count 1); stop both; retry-all; delete one; batch delete the rest.
    let retried = try await server.call("POST", "/task/\(ids[0])/retry")
    #expect(retried["data"]?["retry_count"]?.intValue == 1, "\(retried)")
    for id in ids { _ = try await server.call("POST", "/task/\(id)/stop") }
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(5)) {
        try await server.call("GET", "/task/stats")["data"]?["failed"]?.intValue == 2
      })
    let all = try await server.call("POST", "/task/retry-all")
    #expect(all["data"]?["retried"]?.intValue == 2, "\(all)")
    stats = try await server.call("GET", "/task/stats")["data"]
    #expect((stats?["pending"]?.intValue ?? 0) + (stats?["running"]?.intValue ?? 0) == 2)
    #expect(try await server.call("DELETE", "/task/\(ids[0])")["code"]?.intValue == 0)
    #expect(try await server.call("GET", "/task/\(ids[0])")["code"]?.intValue == 40401)
    let batch = try await server.call("DELETE", "/task/batch", json: #"{"task_ids": [\#(ids[1])]}"#)
    #expect(batch["code"]?.intValue == 0, "\(batch)")
    stats = try await server.call("GET", "/task/stats")["data"]
    #expect(stats?["total"]?.intValue == 0, "\(String(describing: stats))")
  }

  @Test func aKilledServerLosesNothingAndRunsThePendingTasksAfterARestart() async throws {
    let database = try makeScratchDatabase()
    let first = try await ServeFixture.start(virtualPhones: 3, database: database)
    let serials = #"{"serials": ["vphone-1", "vphone-2", "vphone-3"], "#
    // Three long warmups run; 201 follows wait behind them.
    _ = try await first.call("POST", "/task", json: Self.warmup(["vphone-1", "vphone-2", "vphone-3"]))
    let users = (1...67).map { "\"fan\($0)\"" }.joined(separator: ", ")
    let follows = try await first.call(
      "POST", "/task", json: serials + #""script_name": "follow", "script_config": {"target_users": [\#(users)]}}"#)
    #expect(follows["data"]?["created_count"]?.intValue == 201, "\(follows)")
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(20)) {
        try await first.call("GET", "/task/stats")["data"]?["running"]?.intValue == 3
      })
    first.kill(crash: true)

    let second = try await ServeFixture.start(virtualPhones: 3, database: database)
    defer { second.kill() }
    #expect(second.log.contains("3 task(s) interrupted by a restart were marked failed"))
    let stats = try await second.call("GET", "/task/stats")["data"]
    #expect(stats?["total"]?.intValue == 204)
    let interrupted = try await second.call("GET", "/task?status=3&script_name=account_warmup")
    let remarks = interrupted["data"]?["tasks"]?.arrayValue?.compactMap { $0["remark"]?.stringValue } ?? []
    #expect(remarks == Array(repeating: "interrupted by restart", count: 3))
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(120)) {
        try await second.call("GET", "/task/stats")["data"]?["completed"]?.intValue == 201
      })
  }

  func makeScratchDatabase() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("tasks.sqlite")
  }
}
