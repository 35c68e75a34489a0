import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// Google's adb 29 running `adb reverse` against a virtual phone: the phone listens for real and
/// opens a stream to the host (device-initiated OPEN) for each connection it accepts.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbReverseTests {
  /// Runs `body` with a private adb server connected to one phone, passing the phone's serial.
  static func withConnectedPhone(_ body: (AdbServer, String) async throws -> Void) async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")
        try await body(adb, serial)
      }
    }
  }

  /// `adb reverse tcp:0 HOST`: the phone's port, which adb prints.
  static func reverse(_ adb: AdbServer, _ serial: String, to host: String) async throws -> Int {
    let result = try await adb.run(["-s", serial, "reverse", "tcp:0", host])
    let printed = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    guard result.status == 0, let port = Int(printed), port > 0 else {
      throw AdbFailure("adb reverse failed: \(result.standardOutput)\(result.standardError)")
    }
    return port
  }

  /// `adb reverse --list`, without the newline adb prints even for an empty list.
  static func listing(_ adb: AdbServer, _ serial: String) async throws -> String {
    let output = try await adb.run(["-s", serial, "reverse", "--list"]).standardOutput
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls until nothing listens on `port` any more.
  static func waitUntilRefused(port: Int, timeout: Duration = .seconds(10)) async throws {
    let deadline = ContinuousClock.now + timeout
    while !LoopbackSocket.isRefused(port: port) {
      guard ContinuousClock.now < deadline else { throw AdbFailure("port \(port) still accepts connections") }
      try await Task.sleep(for: .milliseconds(20))
    }
  }

  @Test func bridgesAConnectionOnThePhoneToTheHostUntilRemoveAll() async throws {
    try await Self.withConnectedPhone { adb, serial in
      let (hostServer, hostPort) = try LoopbackSocket.listen()
      defer { hostServer.close() }
      let phonePort = try await Self.reverse(adb, serial, to: "tcp:\(hostPort)")
      #expect(try await Self.listing(adb, serial).hasSuffix("tcp:\(phonePort) tcp:\(hostPort)"))

      // An app on the phone connects to the phone's port; adb connects the host's server.
      let app = try LoopbackSocket.connect(port: phonePort)
      defer { app.close() }
      let ping = Array("ping from the phone".utf8)
      try await app.send(ping)
      let served = try await hostServer.accept()
      #expect(try await served.receive(count: ping.count) == ping)
      let pong = Array("pong from the host".utf8)
      try await served.send(pong)
      #expect(try await app.receive(count: pong.count) == pong)

      // The host's server hangs up: the phone closes the app's connection.
      served.close()
      #expect(try await app.receiveUntilClosed() == [])

      let removed = try await adb.run(["-s", serial, "reverse", "--remove-all"])
      #expect(removed.status == 0)
      try await Self.waitUntilRefused(port: phonePort)
      #expect(try await Self.listing(adb, serial).isEmpty)
    }
  }

  @Test func carriesALargeTransferBothWays() async throws {
    try await Self.withConnectedPhone { adb, serial in
      let (hostServer, hostPort) = try LoopbackSocket.listen()
      defer { hostServer.close() }
      let phonePort = try await Self.reverse(adb, serial, to: "tcp:\(hostPort)")
      let app = try LoopbackSocket.connect(port: phonePort)
      defer { app.close() }
      let upload = Array(try randomBytes(count: 3 << 20))
      async let sent: Void = app.send(upload)
      let served = try await hostServer.accept()
      defer { served.close() }
      #expect(try await served.receive(count: upload.count) == upload)
      try await sent
      let download = Array(try randomBytes(count: 3 << 20))
      async let answered: Void = served.send(download)
      #expect(try await app.receive(count: download.count) == download)
      try await answered
    }
  }

  @Test func aHostPortNobodyListensOnClosesThePhonesConnection() async throws {
    try await Self.withConnectedPhone { adb, serial in
      let phonePort = try await Self.reverse(adb, serial, to: "tcp:\(try freeLoopbackPort())")
      let app = try LoopbackSocket.connect(port: phonePort)
      defer { app.close() }
      // adb cannot connect, so it refuses the phone's OPEN with CLSE(0, id).
      #expect(try await app.receiveUntilClosed() == [])
    }
  }

  @Test func aPortInUseFailsWithAdbdsWords() async throws {
    try await Self.withConnectedPhone { adb, serial in
      let (busy, busyPort) = try LoopbackSocket.listen()
      defer { busy.close() }
      let result = try await adb.run(["-s", serial, "reverse", "tcp:\(busyPort)", "tcp:1"])
      #expect(result.status != 0)
      // adb 29 prints its errors on stdout when stdout is not a terminal.
      #expect(
        (result.standardOutput + result.standardError).contains("cannot bind listener: Address already in use"))
      #expect(try await Self.listing(adb, serial).isEmpty)
    }
  }

  @Test func disconnectingTheHostClosesThePhonesListeners() async throws {
    try await Self.withConnectedPhone { adb, serial in
      let (hostServer, hostPort) = try LoopbackSocket.listen()
      defer { hostServer.close() }
      let phonePort = try await Self.reverse(adb, serial, to: "tcp:\(hostPort)")
      #expect(!LoopbackSocket.isRefused(port: phonePort))
      let disconnected = try await adb.run(["disconnect", serial])
      #expect(disconnected.status == 0)
      try await Self.waitUntilRefused(port: phonePort)
    }
  }
}
