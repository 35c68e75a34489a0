import ADBWire
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

@testable import ADB

/// The USB transport end to end, without a phone: libusb in a child process talks to an
/// emulated USB phone (umockdev) whose bulk endpoints are served by a virtual phone over TCP.
/// See ``USBBridge`` for how the pieces fit. Each test runs one ``USBBridgeChild`` scenario.
@Suite(.enabled(if: USBBridge.isAvailable, "umockdev is not installed; run tools/setup"), .serialized)
struct USBTransportTests {
  @Test func listsTheEmulatedPhone() async throws {
    let run = try await Self.run("devices")
    #expect(run.report == ["usb-e2e-1 usb:1-1 product:Virtual Phone (18d1:4ee7)", "unknown serial refused"])
  }

  @Test func runsShellAndFileTransfersOverUSB() async throws {
    // The bridge's own check fails the run (status 3) if a packet breaks adbd's framing rules:
    // separate header and payload transfers, a zero-length packet after multiples of 512.
    let run = try await Self.run("session")
    #expect(run.report == ["connected usb-e2e-1", "shell: hi", "push and pull: 3145728 bytes intact"])
    #expect(!run.output.contains("zero-length out: 0,"), "a 3 MiB push needs zero-length packets")
  }

  @Test func explainsThatAnAdbServerHoldsThePhone() async throws {
    let run = try await Self.run("busy", bridgeArguments: ["--busy"])
    #expect(run.report == ["device busy"])
  }

  @Test func reportsAnUnplugAsALostConnection() async throws {
    let run = try await Self.run("unplug", bridgeArguments: ["--unplug-after", "6"])
    #expect(run.report == ["connected usb-e2e-1", "connection lost"])
  }

  @Test func tracksAttachAndDetachWithHotplug() async throws {
    let run = try await Self.run("track", bridgeArguments: ["--plug-after", "3", "--unplug-after", "6"])
    #expect(run.report == ["attached usb-e2e-1 usb:1-1", "detached usb-e2e-1 usb:1-1"])
  }

  @Test func tracksAttachAndDetachByPolling() async throws {
    let run = try await Self.run("trackPolling", bridgeArguments: ["--plug-after", "3", "--unplug-after", "6"])
    #expect(run.report == ["attached usb-e2e-1 usb:1-1", "detached usb-e2e-1 usb:1-1"])
  }

  @Test func theCommandLineListsAndDrivesThePhoneOverUSB() async throws {
    let droidmatrix = try #require(CLITests.executable, "droidmatrix was not built next to the tests")
    let home = try makeTemporaryDirectory("usb-cli-home")
    defer { try? FileManager.default.removeItem(at: home) }
    let script = "\(droidmatrix) devices -l --usb && \(droidmatrix) shell --usb -- 'echo hi; exit 4'"
    let output = try await PhoneFixture.with { phones in
      try await USBBridge.runProgram(
        "/bin/sh", ["-c", script], phone: phones.addresses[0], environment: ["HOME": home.path, "ADB_VENDOR_KEYS": ""])
    }
    #expect(output.status == 4, "\(output.standardError)")
    let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "List of devices attached")
    #expect(lines.dropFirst().first?.hasPrefix("usb-e2e-1              attached usb:1-1") == true)
    #expect(lines.last(where: { !$0.isEmpty }) == "hi")
  }

  /// Serves a virtual phone and runs `scenario` against it through the bridge.
  private static func run(_ scenario: String, bridgeArguments: [String] = []) async throws -> USBBridge.Run {
    try await PhoneFixture.with { phones in
      let run = try await USBBridge.run(scenario, phone: phones.addresses[0], bridgeArguments: bridgeArguments)
      #expect(run.status == 0, "\(run.output)")
      return run
    }
  }
}

/// The scenarios ``USBTransportTests`` runs in a child process under umockdev. Each is enabled
/// only when the environment names it, so a normal test run skips them all.
@Suite(.enabled(if: USBBridge.childScenario != nil, "runs only under tools/usb-bridge"))
struct USBBridgeChild {
  @Test(.enabled(if: USBBridge.childScenario == "devices")) func devices() async throws {
    let devices = try USBHost.devices()
    #expect(devices.count == 1)
    for device in devices { Self.report("\(device)") }
    let error = await #expect(throws: ADBError.self) { try await DeviceConnection.connectUSB(serial: "no-such-phone") }
    if error?.code == .deviceNotFound { Self.report("unknown serial refused") }
  }

  @Test(.enabled(if: USBBridge.childScenario == "session")) func session() async throws {
    let phone = try await DeviceConnection.connectUSB(serial: nil)
    Self.report("connected \(phone.serial)")
    let echo = try await phone.shell("echo hi")
    #expect(echo.exitStatus == 0)
    Self.report("shell: \(echo.standardOutput.trimmingCharacters(in: .newlines))")

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = Data((0..<3 << 20).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) })
    try original.write(to: directory.appendingPathComponent("up.bin"))
    _ = try await phone.push(directory.appendingPathComponent("up.bin").path, to: "/data/local/tmp/usb.bin")
    _ = try await phone.pull("/data/local/tmp/usb.bin", to: directory.appendingPathComponent("down.bin").path)
    let copy = try Data(contentsOf: directory.appendingPathComponent("down.bin"))
    #expect(copy == original)
    if copy == original { Self.report("push and pull: \(copy.count) bytes intact") }
    await phone.close()
  }

  @Test(.enabled(if: USBBridge.childScenario == "busy")) func busy() async throws {
    let error = await #expect(throws: ADBError.self) { try await DeviceConnection.connectUSB(serial: USBBridge.serial) }
    #expect(error?.message.contains("adb kill-server") == true)
    if error?.code == .deviceBusy { Self.report("device busy") }
  }

  @Test(.enabled(if: USBBridge.childScenario == "unplug")) func unplug() async throws {
    let phone = try await DeviceConnection.connectUSB(serial: USBBridge.serial)
    Self.report("connected \(phone.serial)")
    // The bridge unplugs the phone a few seconds after start; until then commands work.
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      do {
        _ = try await phone.shell("echo still here")
        try await Task.sleep(for: .milliseconds(200))
      } catch let error as ADBError {
        #expect(error.code == .connectionLost, "\(error)")
        if error.code == .connectionLost { Self.report("connection lost") }
        return
      }
    }
    Issue.record("the unplug went unnoticed")
  }

  @Test(.enabled(if: USBBridge.childScenario == "track")) func track() async throws {
    try await reportEvents(of: USBHost.track())
  }

  @Test(.enabled(if: USBBridge.childScenario == "trackPolling")) func trackPolling() async throws {
    try await reportEvents(of: USBHost.track(pollInterval: .milliseconds(200), usesHotplug: false))
  }

  /// Reports the first two events (the bridge plugs the phone in, then out), within 30 s.
  private func reportEvents(of events: AsyncStream<USBDeviceEvent>) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        var count = 0
        for await event in events {
          switch event {
          case .attached(let phone):
            Self.report("attached \(phone.serial) \(phone.path)\(phone.problem.map { " \($0)" } ?? "")")
          case .detached(let phone): Self.report("detached \(phone.serial) \(phone.path)")
          }
          count += 1
          if count == 2 { return }
        }
      }
      group.addTask {
        try await Task.sleep(for: .seconds(30))
        Issue.record("fewer than two events in 30 s")
      }
      try await group.next()
      group.cancelAll()
    }
  }

  /// Appends a line to the report the parent reads.
  private static func report(_ line: String) {
    guard let path = ProcessInfo.processInfo.environment[USBBridge.reportVariable] else { return }
    if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    let handle = FileHandle(forWritingAtPath: path)
    handle?.seekToEndOfFile()
    handle?.write(Data((line + "\n").utf8))
    try? handle?.close()
  }
}
