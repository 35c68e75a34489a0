import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// Google's adb 29 running `adb forward` against a virtual phone: for each connection to the
/// host's port, adb opens `tcp:PORT` on the phone, which connects to that port on its loopback
/// and bridges the two.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbForwardTests {
  /// `adb forward tcp:0 REMOTE`: the host port adb chose, which it prints.
  static func forward(_ adb: AdbServer, _ serial: String, to remote: String) async throws -> Int {
    let result = try await adb.run(["-s", serial, "forward", "tcp:0", remote])
    let printed = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    guard result.status == 0, let port = Int(printed), port > 0 else {
      throw AdbFailure("adb forward failed: \(result.standardOutput)\(result.standardError)")
    }
    return port
  }

  /// An echo server on the phone's side: serves one connection, sending back what it receives.
  static func echo(_ server: LoopbackSocket) -> Task<Void, any Error> {
    Task {
      let client = try await server.accept(timeout: .seconds(30))
      defer { client.close() }
      while true {
        let chunk = try await client.receiveNext(timeout: .seconds(30))
        if chunk.isEmpty { return }
        try await client.send(chunk)
      }
    }
  }

  @Test func bytesRoundTripThroughAnEchoServerBehindTheForward() async throws {
    try await AdbReverseTests.withConnectedPhone { adb, serial in
      let (server, echoPort) = try LoopbackSocket.listen()
      defer { server.close() }
      let echo = Self.echo(server)
      defer { echo.cancel() }
      let hostPort = try await Self.forward(adb, serial, to: "tcp:\(echoPort)")
      let listing = try await adb.run(["-s", serial, "forward", "--list"]).standardOutput
      #expect(listing.contains("\(serial) tcp:\(hostPort) tcp:\(echoPort)"))

      let client = try LoopbackSocket.connect(port: hostPort)
      defer { client.close() }
      for message in ["ping", "a second message through the same stream"] {
        try await client.send(Array(message.utf8))
        #expect(try await client.receive(count: message.utf8.count) == Array(message.utf8))
      }
      let upload = Array(try randomBytes(count: 3 << 20))
      async let sent: Void = client.send(upload)
      #expect(try await client.receive(count: upload.count) == upload)
      try await sent

      // The client hangs up: the phone closes its side, and the echo server sees the end.
      client.close()
      try await echo.value
    }
  }

  @Test func aPortNothingListensOnIsRefusedAndAdbClosesTheClient() async throws {
    try await AdbReverseTests.withConnectedPhone { adb, serial in
      let hostPort = try await Self.forward(adb, serial, to: "tcp:\(try freeLoopbackPort())")
      let client = try LoopbackSocket.connect(port: hostPort)
      defer { client.close() }
      // The phone answers adb's OPEN with CLSE, so adb drops the connection it accepted.
      #expect(try await client.receiveUntilClosed() == [])
      // The phone is still fine for the next stream.
      let echoed = try await adb.run(["-s", serial, "shell", "echo", "still", "here"])
      #expect(echoed.standardOutput == "still here\n")
    }
  }
}
