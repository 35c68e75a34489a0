import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ValidationTests {
  static let refused: [(CreateRequest, TaskEngineError.Code, String)] = [
    (CreateRequest(serials: ["phone-1"], scriptName: nil), .missingScriptName, "script_name"),
    (CreateRequest(serials: ["phone-1"], scriptName: ""), .missingScriptName, "script_name"),
    (CreateRequest(serials: ["phone-1"], scriptName: "nope"), .unknownScript, "script_name"),
    (CreateRequest(serials: ["phone-1"], usernames: ["alice"], scriptName: "quick"), .invalidParameter, "serials"),
    (CreateRequest(scriptName: "quick"), .invalidParameter, "serials"),
    (CreateRequest(serials: [], usernames: [], scriptName: "quick"), .invalidParameter, "serials"),
    (CreateRequest(serials: ["phone-1", " "], scriptName: "quick"), .invalidParameter, "serials"),
    (CreateRequest(serials: ["phone-9"], scriptName: "quick"), .invalidParameter, "serials"),
    (CreateRequest(usernames: ["ghost"], scriptName: "quick"), .invalidParameter, "usernames"),
    (CreateRequest(serials: ["phone-1"], scriptName: "quick", startTime: "25:00"), .invalidParameter, "start_time"),
    (CreateRequest(serials: ["phone-1"], scriptName: "quick", startTime: "12:5"), .invalidParameter, "start_time"),
    (CreateRequest(serials: ["phone-1"], scriptName: "quick", startTime: "noon"), .invalidParameter, "start_time"),
    (CreateRequest(serials: ["phone-1"], scriptName: "quick", minInterval: -1), .invalidParameter, "min_interval"),
    (
      CreateRequest(serials: ["phone-1"], scriptName: "quick", minInterval: 5, maxInterval: 2), .invalidParameter,
      "max_interval"
    ),
    (CreateRequest(serials: ["phone-1"], scriptName: "strict"), .invalidParameter, "script_config.comment_content"),
    (
      CreateRequest(serials: ["phone-1"], scriptName: "quick", scriptConfig: ["targets": "a"]), .invalidParameter,
      "script_config.targets"
    ),
    (
      CreateRequest(serials: ["phone-1"], scriptName: "quick", scriptConfig: [1, 2]), .invalidParameter, "script_config"
    ),
    (
      CreateRequest(serials: ["phone-1"], scriptName: "quick", enableMultiAccount: true), .invalidParameter,
      "enable_multi_account"
    ),
  ]

  @Test(arguments: refused.indices) func refusesWithTheFieldNamedAndCreatesNothing(index: Int) async throws {
    let (request, code, field) = Self.refused[index]
    try await EngineFixture.with { (engine) async throws in
      await #expect {
        _ = try await engine.create(request)
      } throws: { error in
        guard let error = error as? TaskEngineError else { return false }
        return error.code == code && error.field == field && error.message.contains(field)
      }
      #expect(try await engine.stats().total == 0)
    }
  }

  @Test func aRefusalLaterInTheRequestRollsBackEarlierExecutors() async throws {
    try await EngineFixture.with { engine in
      // phone-1 is fine, phone-9 is unknown: nothing at all is created.
      await #expect(throws: TaskEngineError.self) {
        _ = try await engine.create(CreateRequest(serials: ["phone-1", "phone-9"], scriptName: "quick"))
      }
      #expect(try await engine.stats().total == 0)
      // The job counter did not move either.
      let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "quick"))
      #expect(try await engine.task(id: ids[0]).task.scriptConfig["job"] == 0)
    }
  }
}
