import ADB
import Foundation
import InteropSupport
import TaskEngine
import Testing
import VirtualPhone

@Suite(.timeLimit(.minutes(2))) struct DeviceTests {
  /// Serves `count` virtual phones, connects to each natively and registers it as `vphoneN`.
  static func withPhones<T>(
    count: Int, _ body: (TaskEngine, VirtualPhoneServer) async throws -> T
  ) async throws -> T {
    try await PhoneFixture.with(count: count) { phones in
      let engine = try TaskEngine(configuration: .init(storage: .inMemory), scripts: testScripts())
      for (index, port) in phones.ports.enumerated() {
        let connection = try await DeviceConnection.connect(host: phones.host, port: port)
        await engine.devices.register(
          serial: "vphone\(index + 1)", device: connection, model: connection.info.model, source: "virtual")
      }
      return try await EngineFixture.running(engine) { try await body($0, phones) }
    }
  }

  @Test func echoRunsOnVirtualPhones() async throws {
    try await Self.withPhones(count: 2) { engine, _ in
      let ids = try await engine.create(CreateRequest(serials: ["vphone1", "vphone2"], scriptName: "echo"))
      #expect(try await engine.waitForEnd(ids))
      for id in ids {
        let detail = try await engine.task(id: id)
        #expect(detail.task.status == .completed && detail.task.remark == "hi")
        #expect(detail.logs.map(\.message) == ["echo said hi"])
      }
      let devices = try await engine.deviceStatuses()
      #expect(devices.map(\.serial) == ["vphone1", "vphone2"])
      #expect(devices.allSatisfy { $0.isOnline && $0.model == "Interop_Phone_\($0.serial.suffix(1))" })
    }
  }

  @Test(arguments: ["sleep", "echo"])
  func aVanishedPhoneFailsItsRunningTaskDeviceOfflineWhileOthersComplete(script: String) async throws {
    try await Self.withPhones(count: 2) { engine, phones in
      let doomed = try await engine.create(
        CreateRequest(serials: ["vphone1"], scriptName: script, scriptConfig: ["count": 1000, "pause": 0.05]))
      let waiting = try await engine.create(CreateRequest(serials: ["vphone1"], scriptName: "echo"))
      let others =
        try await engine.create(
          CreateRequest(serials: ["vphone2"], scriptName: "echo", scriptConfig: ["count": 10, "pause": 0.05]))
        + engine.create(CreateRequest(serials: ["vphone2"], scriptName: "echo", scriptConfig: ["count": 10]))
      #expect(try await eventually { try await engine.status(doomed[0]) == .running })
      try await Task.sleep(for: .milliseconds(200))
      let vanished = ContinuousClock.now
      await phones.stop(phoneAt: 0)
      #expect(try await engine.waitForEnd(doomed, timeout: .seconds(10)))
      #expect(ContinuousClock.now - vanished < .seconds(10))
      let task = try await engine.task(id: doomed[0]).task
      #expect(task.status == .failed && task.remark == "device offline" && task.failureCode == "device_offline")
      #expect(try await engine.waitForEnd(others))
      for id in others { #expect(try await engine.status(id) == .completed) }
      #expect(try await engine.status(waiting[0]) == .pending)
      #expect(try await engine.deviceStatuses().first?.state == "offline")
    }
  }

  @Test func aDirectSourceFindsAPhoneAndReconnectsAfterADrop() async throws {
    try await PhoneFixture.with(count: 1) { phones in
      let configuration = TaskEngine.Configuration(
        storage: .inMemory, deviceSources: [.direct(host: phones.host, port: phones.ports[0])],
        healthCheckInterval: .milliseconds(200))
      let engine = try TaskEngine(configuration: configuration, scripts: testScripts())
      let serial = phones.addresses[0]
      try await EngineFixture.running(engine) { engine in
        #expect(try await eventually { try await engine.deviceStatuses().first?.isOnline == true })
        let first = try await engine.create(CreateRequest(serials: [serial], scriptName: "echo"))
        #expect(try await engine.waitForEnd(first))
        #expect(try await engine.status(first[0]) == .completed)
        await phones.disconnect(phoneAt: 0)
        #expect(try await eventually { try await engine.deviceStatuses().first?.isOnline == false })
        #expect(try await eventually { try await engine.deviceStatuses().first?.isOnline == true })
        let second = try await engine.create(CreateRequest(serials: [serial], scriptName: "echo"))
        #expect(try await engine.waitForEnd(second))
        #expect(try await engine.status(second[0]) == .completed)
        #expect(try await engine.deviceStatuses().first?.source == "direct")
      }
    }
  }
}
