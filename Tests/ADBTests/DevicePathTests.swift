import ADB
import ADBWire
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// One body, two paths: every test here runs through Google's adb server and through
/// DroidMatrix's native device connection, against a phone that requires authentication.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct DevicePathTests {
  @Test(arguments: DevicePath.allCases)
  func listsThePhoneWithItsBannerProperties(path: DevicePath) async throws {
    try await path.withPhone { connected in
      let info = try #require(try await connected.listDevices().first { $0.serial == connected.serial })
      #expect(info.state == "device")
      #expect(info.model == "Interop_Phone_1")
      #expect(info.product == "interop_product")
      #expect(info.device == "interop_device")
      #expect(try await connected.device.features().isSuperset(of: [ADBFeature.shellV2, ADBFeature.statV2]))
    }
  }

  @Test(arguments: DevicePath.allCases)
  func shellKeepsStreamsApartAndReturnsExitCodes(path: DevicePath) async throws {
    try await path.withPhone { connected in
      let output = try await connected.device.shell("echo out; echo err >&2; exit 7")
      #expect(output.standardOutput == "out\n")
      #expect(output.standardError == "err\n")
      #expect(output.exitStatus == 7)
      #expect(try await connected.device.shell("true").exitStatus == 0)
      #expect(try await connected.device.shell("getprop ro.product.model").standardOutput == "Interop Phone 1\n")
      // Several streams at once over the one connection.
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in 0..<8 {
          group.addTask {
            let result = try await connected.device.shell("echo \(index)")
            #expect(result.standardOutput == "\(index)\n")
          }
        }
        try await group.waitForAll()
      }
      let png = try await connected.device.screenshotPNG()
      #expect(png.count > 1000)
    }
  }

  @Test(arguments: DevicePath.allCases)
  func pushesAndPulls32MiBByteIdentical(path: DevicePath) async throws {
    let data = try randomBytes(count: 32 << 20)
    let directory = try makeTemporaryDirectory("path-sync")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("big.bin")
    try data.write(to: source)
    try await path.withPhone { connected in
      let pushed = try await connected.device.push(source.path, to: "/sdcard/big.bin")
      #expect(pushed.bytes == UInt64(data.count))
      #expect(try connected.phone.fileSystem.readFile("/sdcard/big.bin").elementsEqual(data))
      let copy = directory.appendingPathComponent("copy.bin")
      let pulled = try await connected.device.pull("/sdcard/big.bin", to: copy.path)
      #expect(pulled.bytes == UInt64(data.count))
      #expect(try Data(contentsOf: copy) == data)
    }
  }

  @Test(arguments: DevicePath.allCases)
  func addsListsAndRemovesForwards(path: DevicePath) async throws {
    try await path.withPhone { connected in
      let device = connected.device
      let port = try #require(try await device.forward(local: "tcp:0", remote: "tcp:8080", noRebind: false))
      #expect(port > 0)
      let fixed = try freeLoopbackPort()
      #expect(try await device.forward(local: "tcp:\(fixed)", remote: "localabstract:app", noRebind: false) == fixed)
      let expected = [
        ADBForward(serial: connected.serial, local: "tcp:\(port)", remote: "tcp:8080"),
        ADBForward(serial: connected.serial, local: "tcp:\(fixed)", remote: "localabstract:app"),
      ]
      #expect(Set(try await device.listForwards()) == Set(expected))
      do {
        try await device.forward(local: "tcp:\(port)", remote: "tcp:9", noRebind: true)
        Issue.record("norebind must refuse an existing listener")
      } catch let error as ADBError {
        #expect(error.message == "cannot rebind existing socket")
      }
      try await device.removeForward(local: "tcp:\(port)")
      #expect(try await device.listForwards() == [expected[1]])
      await #expect(throws: ADBError.self) { try await device.removeForward(local: "tcp:\(port)") }
      try await device.removeAllForwards()
      #expect(try await device.listForwards().isEmpty)
    }
  }

  @Test(arguments: DevicePath.allCases)
  func addsListsAndRemovesReverses(path: DevicePath) async throws {
    try await path.withPhone { connected in
      let device = connected.device
      let port = try #require(try await device.reverse(device: "tcp:0", host: "tcp:8080"))
      #expect(port > 0)
      #expect(try await device.reverse(device: "localabstract:app", host: "tcp:7002") == nil)
      #expect(try await device.listReverses().map(\.local) == ["tcp:\(port)", "localabstract:app"])
      do {
        try await device.reverse(device: "localabstract:app", host: "tcp:1", noRebind: true)
        Issue.record("norebind must refuse an existing listener")
      } catch let error as ADBError {
        #expect(error.message == "cannot rebind existing socket")
      }
      try await device.removeReverse(device: "localabstract:app")
      await #expect(throws: ADBError.self) { try await device.removeReverse(device: "localabstract:app") }
      try await device.removeAllReverses()
      #expect(try await device.listReverses().isEmpty)
    }
  }

  @Test(arguments: DevicePath.allCases)
  func reverseTunnelsCarryBytesBothWays(path: DevicePath) async throws {
    try await EchoServer.with { echo in
      try await path.withPhone { connected in
        let port = try #require(try await connected.device.reverse(device: "tcp:0", host: "tcp:\(echo.port)"))
        let message = Array((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        // A connection to the phone's listener comes back to the echo server on this computer.
        let answer = try await LoopbackClient.exchange(port: port, sending: message, expecting: message.count)
        #expect(answer == message)
        try await connected.device.removeAllReverses()
        await #expect(throws: (any Error).self) {
          _ = try await LoopbackClient.exchange(port: port, sending: [1], expecting: 1)
        }
      }
    }
  }

  @Test(arguments: DevicePath.allCases)
  func forwardsCarryBytesBothWays(path: DevicePath) async throws {
    try await EchoServer.with { echo in
      try await path.withPhone { connected in
        let port = try #require(
          try await connected.device.forward(local: "tcp:0", remote: "tcp:\(echo.port)", noRebind: false))
        let message = Array((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        // A connection to this computer's port reaches the phone, which connects to the echo server.
        let answer = try await LoopbackClient.exchange(port: port, sending: message, expecting: message.count)
        #expect(answer == message)
        try await connected.device.removeAllForwards()
      }
    }
  }
}
