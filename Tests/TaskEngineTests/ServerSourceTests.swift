import ADB
import Foundation
import InteropSupport
import TaskEngine
import Testing
import VirtualPhone

/// Devices of Google's adb server, followed with track-devices.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .timeLimit(.minutes(2)))
struct ServerSourceTests {
  @Test func runsTasksOnAServersPhoneAndFailsThemWhenItVanishes() async throws {
    try await PhoneFixture.with(count: 1) { phones in
      try await AdbServer.with { adb in
        let address = ADBServerAddress(host: "127.0.0.1", port: adb.port)
        let configuration = TaskEngine.Configuration(storage: .inMemory, deviceSources: [.adbServer(address)])
        let engine = try TaskEngine(configuration: configuration, scripts: testScripts())
        let serial = phones.addresses[0]
        try await EngineFixture.running(engine) { engine in
          _ = try await adb.connect(serial)
          #expect(try await eventually { try await engine.deviceStatuses().first?.isOnline == true })
          let device = try #require(try await engine.deviceStatuses().first)
          #expect(device.serial == serial && device.source == "adb:\(address)" && device.model == "Interop_Phone_1")
          let echo = try await engine.create(CreateRequest(serials: [serial], scriptName: "echo"))
          #expect(try await engine.waitForEnd(echo))
          #expect(try await engine.task(id: echo[0]).task.remark == "hi")
          // A flow that never touches the phone still learns of its loss, from the server.
          let sleeping = try await engine.create(CreateRequest(serials: [serial], scriptName: "sleep"))
          #expect(try await eventually { try await engine.status(sleeping[0]) == .running })
          let vanished = ContinuousClock.now
          await phones.stop(phoneAt: 0)
          #expect(try await engine.waitForEnd(sleeping, timeout: .seconds(10)))
          #expect(ContinuousClock.now - vanished < .seconds(10))
          #expect(try await engine.task(id: sleeping[0]).task.remark == "device offline")
        }
      }
    }
  }
}
