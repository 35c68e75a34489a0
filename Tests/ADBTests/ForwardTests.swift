import ADB
import ChildProcess
import InteropSupport
import Testing
import VirtualPhone

/// Forward (server side), reverse (device side) and device state against Google's adb server
/// and a virtual phone.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct ForwardTests {
  /// Runs `body` with a client and a connected phone.
  static func withPhone(_ body: (ADBServerClient, AdbServer, String) async throws -> Void) async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClientTests.client(adb)
        let serial = phones.addresses[0]
        try await client.connect(serial)
        try await client.waitForDevice(serial: serial, timeout: .seconds(10))
        try await body(client, adb, serial)
      }
    }
  }

  @Test func addsListsAndRemovesForwards() async throws {
    try await Self.withPhone { client, adb, serial in
      let port = try #require(try await client.forward(serial: serial, local: "tcp:0", remote: "tcp:8080"))
      #expect(port > 0)
      let fixed = try freeLoopbackPort()
      #expect(try await client.forward(serial: serial, local: "tcp:\(fixed)", remote: "localabstract:app") == fixed)
      let expected = [
        ADBForward(serial: serial, local: "tcp:\(port)", remote: "tcp:8080"),
        ADBForward(serial: serial, local: "tcp:\(fixed)", remote: "localabstract:app"),
      ]
      #expect(Set(try await client.listForwards()) == Set(expected))
      let listing = try await adb.run(["forward", "--list"]).standardOutput
      #expect(Set(ADBForward.parseList(listing)) == Set(expected))

      do {
        try await client.forward(serial: serial, local: "tcp:\(port)", remote: "tcp:9", noRebind: true)
        Issue.record("norebind must refuse an existing listener")
      } catch let error as ADBError {
        #expect(error.message == "cannot rebind existing socket")
      }

      try await client.removeForward(serial: serial, local: "tcp:\(port)")
      #expect(try await client.listForwards() == [expected[1]])
      await #expect(throws: ADBError.self) { try await client.removeForward(serial: serial, local: "tcp:\(port)") }
      try await client.removeAllForwards(serial: serial)
      #expect(try await client.listForwards().isEmpty)
    }
  }

  @Test func forwardToAnUnknownDeviceFailsWithTheServersWords() async throws {
    try await AdbServer.with { adb in
      do {
        try await ADBServerClientTests.client(adb).forward(serial: "nope:1", local: "tcp:0", remote: "tcp:1")
        Issue.record("an unknown serial must fail")
      } catch let error as ADBError {
        #expect(error.code == .deviceNotFound)
        #expect(error.message == "device 'nope:1' not found")
      }
    }
  }

  @Test func addsListsAndRemovesReverses() async throws {
    try await Self.withPhone { client, adb, serial in
      let phone = client.device(serial)
      let port = try #require(try await phone.reverse(device: "tcp:0", host: "tcp:8080"))
      #expect(port > 0)
      // The phone really listens on a reverse's port: take one that is free.
      let fixed = try freeLoopbackPort()
      #expect(try await phone.reverse(device: "tcp:\(fixed)", host: "tcp:7001") == fixed)
      #expect(try await phone.reverse(device: "localabstract:app", host: "tcp:7002") == nil)
      let locals = try await phone.listReverses().map(\.local)
      #expect(locals == ["tcp:\(port)", "tcp:\(fixed)", "localabstract:app"])
      // Google's adb reads the same table.
      let listing = try await adb.run(["-s", serial, "reverse", "--list"]).standardOutput
      #expect(ADBForward.parseList(listing).map(\.remote) == ["tcp:8080", "tcp:7001", "tcp:7002"])

      do {
        try await phone.reverse(device: "tcp:\(fixed)", host: "tcp:1", noRebind: true)
        Issue.record("norebind must refuse an existing listener")
      } catch let error as ADBError {
        #expect(error.message == "cannot rebind existing socket")
      }
      try await phone.reverse(device: "tcp:\(fixed)", host: "tcp:7003")
      #expect(try await phone.listReverses().first { $0.local == "tcp:\(fixed)" }?.remote == "tcp:7003")

      try await phone.removeReverse(device: "tcp:\(fixed)")
      do {
        try await phone.removeReverse(device: "tcp:\(fixed)")
        Issue.record("removing a missing reverse must fail")
      } catch let error as ADBError {
        #expect(error.message == "listener 'tcp:\(fixed)' not found")
      }
      try await phone.removeAllReverses()
      #expect(try await phone.listReverses().isEmpty)
    }
  }

  @Test func waitsForDevicesAndReadsTransportIDs() async throws {
    try await Self.withPhone { client, _, serial in
      let info = try #require(try await client.devices().first { $0.serial == serial })
      #expect(try await client.transportID(serial: serial) == UInt64(try #require(info.transportID)))
      do {
        try await client.waitForDevice(serial: "127.0.0.1:1", timeout: .milliseconds(300))
        Issue.record("a device that never comes must time out")
      } catch let error as ADBError {
        #expect(error.code == .timedOut)
      }
      await #expect(throws: ADBError.self) { try await client.transportID(serial: "nope:1") }
    }
  }
}
