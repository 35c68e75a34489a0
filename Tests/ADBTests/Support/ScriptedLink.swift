import ADBWire
import NIOCore
import Synchronization

@testable import ADB

/// A packet link whose device side is the test: it delivers packets to the connection and reads
/// what the connection sends. For rules a virtual phone never breaks (stale packets, unknown
/// streams, device-initiated OPENs, malformed OKAYs).
final class ScriptedLink: PacketLink {
  let inbound: AsyncThrowingStream<ADBPacket, any Error>
  let peerDescription = "scripted:1"
  private let toHost: AsyncThrowingStream<ADBPacket, any Error>.Continuation
  private let sentStream: AsyncStream<ADBPacket>
  private let sentContinuation: AsyncStream<ADBPacket>.Continuation
  /// Read by the test's one task only.
  nonisolated(unsafe) private var iterator: AsyncStream<ADBPacket>.AsyncIterator
  private let closed = Mutex(false)

  init() {
    (inbound, toHost) = AsyncThrowingStream.makeStream(of: ADBPacket.self, throwing: (any Error).self)
    (sentStream, sentContinuation) = AsyncStream.makeStream(of: ADBPacket.self)
    iterator = sentStream.makeAsyncIterator()
  }

  /// Whether the connection closed the link.
  var isClosed: Bool { closed.withLock { $0 } }

  /// Delivers a packet from the "device".
  func deliver(_ packet: ADBPacket) {
    toHost.yield(packet)
  }

  /// Ends the link as a vanished device would.
  func vanish() {
    toHost.finish()
  }

  /// The next packet the connection sent (tests read from one task only).
  func nextSent() async -> ADBPacket? {
    await iterator.next()
  }

  /// The next sent packet that is not an OKAY acknowledging data.
  func nextSent(skippingAcknowledgements: Bool) async -> ADBPacket? {
    while let packet = await nextSent() {
      if skippingAcknowledgements && packet.command == .okay { continue }
      return packet
    }
    return nil
  }

  func send(_ packet: ADBPacket, checksumVersion: UInt32) async throws {
    guard !isClosed else { throw ADBError(.connectionLost, "scripted link closed") }
    sentContinuation.yield(packet)
  }

  func close() {
    closed.withLock { $0 = true }
    toHost.finish()
    sentContinuation.finish()
  }

  /// The device's CNXN with `features`.
  static func deviceConnect(features: [String] = [ADBFeature.shellV2], maxPayload: Int = ADBProtocol.maxPayload)
    -> ADBPacket
  {
    let banner = ConnectionBanner(
      systemType: "device", properties: [ConnectionBanner.PropertyKey.productModel: "Scripted"], features: features)
    return ADBPacket(
      .connect, arg0: ADBProtocol.currentVersion, arg1: UInt32(maxPayload),
      payload: ByteBuffer(string: banner.description))
  }

  /// A connection over a new scripted link, past the handshake (no auth).
  static func connected(features: [String] = [ADBFeature.shellV2], options: DeviceConnection.Options = .init())
    async throws -> (DeviceConnection, ScriptedLink)
  {
    let link = ScriptedLink()
    link.deliver(deviceConnect(features: features))
    let connection = try await DeviceConnection.connect(over: link, serial: "scripted", options: options)
    _ = await link.nextSent()  // The host's CNXN.
    return (connection, link)
  }
}
