import ChildProcess
import Foundation
import InteropSupport
import TaskEngine
import Testing

/// `droidmatrix serve --virtual-phones N` end to end, over real HTTP, as README shows it.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ServeTests {
  @Test func followTasksFanOutRunOnTwoPhonesAndShowInTheirState() async throws {
    let server = try await ServeFixture.start(virtualPhones: 2)
    defer { server.kill() }
    let license = try await server.call("GET", "/license/check")
    #expect(license["data"]?["api_enabled"]?.boolValue == true)

    let created = try await server.call(
      "POST", "/task",
      json:
        #"{"serials": ["vphone-1", "vphone-2"], "script_name": "follow", "script_config": {"target_users": ["alice", "bob"]}}"#
    )
    #expect(created["code"]?.intValue == 0, "\(created)")
    #expect(created["data"]?["created_count"]?.intValue == 4)

    let finished = try await ServeFixture.eventually {
      try await server.call("GET", "/task/stats")["data"]?["completed"]?.intValue == 4
    }
    let stats = try await server.call("GET", "/task/stats")
    let tasks = try await server.call("GET", "/task")
    #expect(finished, "\(stats) \(tasks) \(server.log)")
    #expect(stats["data"]?["total"]?.intValue == 4 && stats["data"]?["failed"]?.intValue == 0)

    let listed = try await server.call("GET", "/task?serial=vphone-2&script_name=follow&page_size=1")
    #expect(listed["data"]?["total"]?.intValue == 2)
    #expect(listed["data"]?["tasks"]?.arrayValue?.count == 1)

    // Each phone's TikTok now follows both users (read natively from the phone).
    let droidmatrix = try #require(ServeFixture.executable)
    for (serial, account) in [("vphone-1", "vphone1"), ("vphone-2", "vphone2")] {
      let address = try server.address(of: serial)
      let home = try makeTemporaryDirectory("state-home")
      let shell = try await ChildProcess.run(
        droidmatrix, ["shell", "--direct", address, "--", "vphone state"],
        environment: ProcessInfo.processInfo.environment.merging(["HOME": home.path, "ADB_VENDOR_KEYS": ""]) { $1 },
        timeout: .seconds(30))
      let state = try JSONValue(jsonText: shell.standardOutput)
      let follows = state["accounts"]?[account]?["follows"]?.arrayValue?.compactMap(\.stringValue) ?? []
      #expect(Set(follows) == ["alice", "bob"], "\(serial): \(shell.standardOutput)")
    }
  }

  @Test func badRequestsAreRefusedAndCreateNothing() async throws {
    let server = try await ServeFixture.start(virtualPhones: 1)
    defer { server.kill() }
    let missing = try await server.call("POST", "/task", json: #"{"serials": ["vphone-1"]}"#)
    #expect(missing["code"]?.intValue == 40002)
    let unknown = try await server.call("POST", "/task", json: #"{"serials": ["vphone-1"], "script_name": "dance"}"#)
    #expect(unknown["code"]?.intValue == 40001)
    let badConfig = try await server.call(
      "POST", "/task",
      json: #"{"serials": ["vphone-1"], "script_name": "account_warmup", "script_config": {"like_probable": 150}}"#)
    #expect(badConfig["code"]?.intValue == 40001)
    #expect(badConfig["message"]?.stringValue?.contains("like_probable") == true)
    let malformed = try await server.call("POST", "/task", json: #"{"serials": "#)
    #expect(malformed["code"]?.intValue == 40001)
    #expect(try await server.call("GET", "/task/stats")["data"]?["total"]?.intValue == 0)
    #expect(try await server.call("GET", "/task/999")["code"]?.intValue == 40401)
  }
}
