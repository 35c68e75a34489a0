import ADBWire
import NIOCore
import NIOPosix
import Testing

@testable import ADB

/// Hostile devices against the native connection: random packet sequences after the handshake,
/// and raw garbage on a TCP socket. The connection must never crash or hang; readers end with
/// their data or a typed error, and the connection either keeps working or ends cleanly.
@Suite(.timeLimit(.minutes(2))) struct DeviceConnectionFuzzTests {
  /// A seeded xorshift generator, so a failing iteration reproduces.
  struct Xorshift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  static let iterations = 300
  static let seed: UInt64 = 0x5EED_0F_DEC0DE

  @Test func randomPacketSequencesEndInDataOrTypedErrors() async throws {
    var random = Xorshift(state: Self.seed)
    for iteration in 0..<Self.iterations {
      let delayedAck = Bool.random(using: &random)
      let features = delayedAck ? [ADBFeature.shellV2, ADBFeature.delayedAck] : [ADBFeature.shellV2]
      let (connection, link) = try await ScriptedLink.connected(features: features)
      var readers: [Task<Void, any Error>] = []
      var ids: [(local: UInt32, remote: UInt32)] = []
      for index in 0..<2 {
        readers.append(Task { _ = try await connection.withStream("shell:cat") { try await $0.readAll() } })
        let open = try #require(await link.nextSent(skippingAcknowledgements: true))
        let remote = UInt32(200 + index)
        var okay = ADBPacket(.okay, arg0: remote, arg1: open.arg0)
        if delayedAck { okay.payload.writeInteger(Int32(1 << 20), endianness: .little) }
        link.deliver(okay)
        ids.append((open.arg0, remote))
      }
      for _ in 0..<40 { link.deliver(Self.randomPacket(ids: ids, delayedAck: delayedAck, using: &random)) }
      for (local, remote) in ids { link.deliver(ADBPacket(.close, arg0: remote, arg1: local)) }
      for reader in readers {
        do {
          try await reader.value
        } catch let error as ADBError {
          #expect(
            [.protocolError, .connectionLost, .serviceRefused].contains(error.code),
            "iteration \(iteration): \(error)")
        }
      }
      link.vanish()
      await connection.close()
      #expect(await !connection.isConnected)
      if iteration % 32 == 0 { await Task.yield() }
    }
  }

  /// A packet a confused or hostile device might send: mostly plausible, sometimes not.
  static func randomPacket(
    ids: [(local: UInt32, remote: UInt32)], delayedAck: Bool, using random: inout Xorshift
  ) -> ADBPacket {
    let pair = ids.randomElement(using: &random)!
    let local: UInt32 = [pair.local, pair.local, 0, UInt32.random(in: 1...9, using: &random), .max].randomElement(
      using: &random)!
    let remote: UInt32 = [pair.remote, pair.remote, 0, 999].randomElement(using: &random)!
    let commands: [ADBCommand] = [.write, .write, .okay, .close, .open, .auth, .connect, ADBCommand(rawValue: 0x1234)]
    let command = commands.randomElement(using: &random)!
    var payload = ByteBuffer()
    switch command {
    case .okay where delayedAck && Bool.random(using: &random):
      payload.writeInteger(Int32.random(in: -8...4096, using: &random), endianness: .little)
    case .open:
      payload.writeString(["tcp:1\0", "", "localabstract:x"].randomElement(using: &random)!)
    default:
      payload.writeBytes(
        (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
    return ADBPacket(command, arg0: remote, arg1: local, payload: payload)
  }

  @Test func garbageOnTheSocketEndsTheConnectionWithAProtocolError() async throws {
    var hello = ByteBuffer()
    ScriptedLink.deviceConnect().write(to: &hello, version: ADBProtocol.versionMin)
    let garbage: [[UInt8]] = [
      Array(repeating: 0x41, count: 24),  // Bad magic.
      {
        var oversized = ByteBuffer()
        ADBPacket(.write, arg0: 1, arg1: 1).writeHeader(to: &oversized, version: ADBProtocol.versionMin)
        oversized.setInteger(UInt32(8 << 20), at: 12, endianness: .little)  // Length past 1 MiB.
        return Array(oversized.readableBytesView)
      }(),
    ]
    for bytes in garbage {
      var replyBytes = hello
      replyBytes.writeBytes(bytes)
      let reply = replyBytes
      let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .childChannelInitializer { child in
          child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(Replier(reply: reply)) }
        }
        .bind(host: "127.0.0.1", port: 0).get()
      let connection = try await DeviceConnection.connect(host: "127.0.0.1", port: server.localAddress!.port!)
      do {
        _ = try await connection.shell("echo")
        Issue.record("garbage must end the connection")
      } catch let error as ADBError {
        #expect(error.code == .protocolError)
        #expect(error.message.contains("malformed packet"))
      }
      #expect(await !connection.isConnected)
      try await server.close()
    }
  }
}

/// Answers the host's first bytes with a fixed reply.
private final class Replier: ChannelInboundHandler, Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer
  let reply: ByteBuffer
  init(reply: ByteBuffer) { self.reply = reply }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    context.writeAndFlush(wrapOutboundOut(reply), promise: nil)
  }
}
