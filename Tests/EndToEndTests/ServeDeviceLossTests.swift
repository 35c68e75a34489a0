import Foundation
import InteropSupport
import TaskEngine
import Testing

/// A phone that dies mid-task under `droidmatrix serve`: its task fails "device offline" within
/// 10 s, and the other phone's task runs on.
@Suite(.timeLimit(.minutes(2))) struct ServeDeviceLossTests {
  @Test func aPhoneKilledMidTaskFailsItsTaskAndLeavesTheOthersAlone() async throws {
    let executable = try #require(builtExecutable("virtual-phone"), "virtual-phone was not built next to the tests")
    let port = try freeConsecutiveLoopbackPorts(count: 1)
    let phone = Process()
    phone.executableURL = URL(fileURLWithPath: executable)
    phone.arguments = ["--port", String(port), "--dump-latency-ms", "0", "--dump-failure-rate", "0"]
    phone.standardOutput = FileHandle.nullDevice
    try phone.run()
    defer {
      if phone.isRunning {
        phone.terminate()
        phone.waitUntilExit()
      }
    }
    let address = "127.0.0.1:\(port)"
    let server = try await ServeFixture.start(virtualPhones: 1, arguments: ["--direct", address])
    defer { server.kill() }
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(20)) {
        let devices = try await server.call("GET", "/device")["data"]?["devices"]?.arrayValue ?? []
        return devices.contains { $0["serial"]?.stringValue == address && $0["state"]?.stringValue == "online" }
      })
    let created = try await server.call(
      "POST", "/task",
      json:
        #"{"serials": ["\#(address)", "vphone-1"], "script_name": "account_warmup", "script_config": {"task_duration": 600}}"#
    )
    let ids = created["data"]?["task_ids"]?.arrayValue?.compactMap(\.intValue) ?? []
    #expect(ids.count == 2, "\(created)")
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(20)) {
        try await server.call("GET", "/task/stats")["data"]?["running"]?.intValue == 2
      })

    phone.terminate()  // SIGTERM: the process ends and its sockets close, as a phone that vanishes.
    phone.waitUntilExit()
    let killedAt = ContinuousClock.now
    #expect(
      try await ServeFixture.eventually(timeout: .seconds(10)) {
        try await server.call("GET", "/task/\(ids[0])")["data"]?["status"]?.intValue == 3
      })
    #expect(ContinuousClock.now - killedAt < .seconds(10))
    let failed = try await server.call("GET", "/task/\(ids[0])")["data"]
    #expect(failed?["remark"]?.stringValue == "device offline", "\(String(describing: failed))")
    #expect(try await server.call("GET", "/task/\(ids[1])")["data"]?["status"]?.intValue == 1)
  }
}
