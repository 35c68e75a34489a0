import ADBWire
import NIOCore
import NIOPosix
import Synchronization

/// The device protocol over TCP: a phone in `adb tcpip` mode, an emulator, a cloud phone or a
/// virtual phone (`ADB-PROTOCOL.md` §2). Packets are decoded on the event loop by
/// ``ADBPacketByteDecoder``; a malformed one closes the socket and fails ``inbound``.
final class TCPPacketLink: PacketLink {
  let inbound: AsyncThrowingStream<ADBPacket, any Error>
  let peerDescription: String
  private let channel: any Channel
  /// Why the socket was closed from our side (malformed input), for senders that find it closed.
  private let failure: LinkFailure
  /// Where senders wait while the socket's buffer is above its high watermark.
  private let gate: WritabilityGate

  private init(
    channel: any Channel, inbound: AsyncThrowingStream<ADBPacket, any Error>, peerDescription: String,
    failure: LinkFailure, gate: WritabilityGate
  ) {
    self.channel = channel
    self.inbound = inbound
    self.peerDescription = peerDescription
    self.failure = failure
    self.gate = gate
  }

  /// Connects to `host:port`.
  /// - Throws: ``ADBError/Code/deviceOffline`` when nothing answers there.
  static func connect(
    host: String, port: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> TCPPacketLink {
    let (inbound, continuation) = AsyncThrowingStream.makeStream(of: ADBPacket.self, throwing: (any Error).self)
    let peer = "\(host):\(port)"
    let failure = LinkFailure()
    let gate = WritabilityGate()
    let channel: any Channel
    do {
      channel = try await ClientBootstrap(group: group)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        // Room for a few 1 MiB WRTEs in flight: NIO's 64 KiB default would stall every packet.
        .channelOption(.writeBufferWaterMark, value: .init(low: 2 << 20, high: 8 << 20))
        .connectTimeout(.seconds(10))
        .channelInitializer { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers(
              ByteToMessageHandler(ADBPacketByteDecoder()),
              PacketForwarder(continuation: continuation, peer: peer, failure: failure, gate: gate))
          }
        }
        .connect(host: host, port: port).get()
    } catch {
      continuation.finish()
      throw ADBError(.deviceOffline, "cannot connect to \(peer)", underlying: error)
    }
    return TCPPacketLink(channel: channel, inbound: inbound, peerDescription: peer, failure: failure, gate: gate)
  }

  func send(_ packet: ADBPacket, checksumVersion: UInt32) async throws {
    var headerBytes = channel.allocator.buffer(capacity: ADBProtocol.headerSize)
    packet.writeHeader(to: &headerBytes, version: checksumVersion)
    let header = headerBytes
    let payload = packet.payload
    let channel = self.channel
    // One event-loop task per packet, so packets of concurrent senders never interleave.
    let written = channel.eventLoop.flatSubmit {
      channel.write(header, promise: nil)
      return channel.writeAndFlush(payload)
    }
    // Wait only while the socket's buffer is above its high watermark: that is the back-pressure.
    // A write error surfaces here, or as the end of `inbound`.
    do {
      if !channel.isActive {
        // Closed by now: the packet counts as sent only if it was written before the close.
        try await written.get()
      } else if !channel.isWritable {
        try await gate.waitUntilWritable()
      }
    } catch {
      throw failure.error ?? ADBError(.connectionLost, "\(peerDescription) closed the connection", underlying: error)
    }
  }

  func close() {
    channel.close(promise: nil)
  }
}

/// Hands decoded packets to the link's stream; ends it when the socket closes or a packet is
/// malformed.
private final class PacketForwarder: ChannelInboundHandler, Sendable {
  typealias InboundIn = ADBPacket

  private let continuation: AsyncThrowingStream<ADBPacket, any Error>.Continuation
  private let peer: String
  private let failure: LinkFailure
  private let gate: WritabilityGate

  init(
    continuation: AsyncThrowingStream<ADBPacket, any Error>.Continuation, peer: String, failure: LinkFailure,
    gate: WritabilityGate
  ) {
    self.continuation = continuation
    self.peer = peer
    self.failure = failure
    self.gate = gate
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    gate.setWritable(context.channel.isWritable)
    context.fireChannelWritabilityChanged()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    continuation.yield(unwrapInboundIn(data))
  }

  func channelInactive(context: ChannelHandlerContext) {
    gate.close()
    continuation.finish()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    let reason =
      if let wireError = error as? ADBWireError {
        ADBError(.protocolError, "malformed packet from \(peer)", underlying: wireError)
      } else {
        ADBError(.connectionLost, "connection to \(peer) failed", underlying: error)
      }
    failure.record(reason)
    continuation.finish(throwing: reason)
    context.close(promise: nil)
  }
}

/// The first reason a link failed, shared by its reader and its senders.
private final class LinkFailure: Sendable {
  private let reason = Mutex<ADBError?>(nil)

  var error: ADBError? { reason.withLock { $0 } }

  func record(_ error: ADBError) {
    reason.withLock { if $0 == nil { $0 = error } }
  }
}
