import ADBWire
import NIOCore
import NIOEmbedded
import Testing

@testable import VirtualPhone

/// Plays the adb host against one virtual-phone connection over an in-memory channel: the
/// reverse codec that lets service tests run without a socket.
final class HostHarness {
  let phone: VirtualPhone
  let channel: EmbeddedChannel
  private var decoder = PacketDecoder()
  private var unread: [ADBPacket] = []
  private var nextLocalID: UInt32 = 100

  init(
    phone: VirtualPhone = VirtualPhone(), authentication: PhoneAuthentication = .disabled,
    features: [String] = ["shell_v2", "stat_v2", "ls_v2", "sendrecv_v2"], maxPayload: Int = 1 << 20
  ) throws {
    self.phone = phone
    let machine = DeviceConnectionStateMachine(
      banner: ConnectionBanner(systemType: "device", features: VirtualPhoneServer.defaultFeatures),
      maxPayload: maxPayload, authentication: authentication,
      makeToken: { [UInt8](repeating: 1, count: 20) })
    channel = EmbeddedChannel()
    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ADBPacketByteDecoder(maxPayload: maxPayload)))
    try channel.pipeline.syncOperations.addHandler(
      DeviceConnectionHandler(phone: phone, machine: machine, latency: .zero, listenAddress: "127.0.0.1"))
    try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 5555)).wait()
    let banner = "host::features=" + features.joined(separator: ",")
    try send(ADBPacket(.connect, arg0: ADBProtocol.currentVersion, arg1: UInt32(maxPayload), payload: banner))
    connectReply = try received()
  }

  /// What the phone answered to the host's CNXN.
  private(set) var connectReply: [ADBPacket] = []

  /// Writes a packet as the host would.
  func send(_ packet: ADBPacket) throws {
    var bytes = ByteBuffer()
    packet.write(to: &bytes, version: ADBProtocol.currentVersion)
    try channel.writeInbound(bytes)
  }

  /// Writes raw bytes as the host would (for malformed input).
  func sendRaw(_ bytes: [UInt8]) throws {
    try channel.writeInbound(ByteBuffer(bytes: bytes))
  }

  /// Every packet the phone has sent since the last call.
  func received() throws -> [ADBPacket] {
    while let bytes = try channel.readOutbound(as: ByteBuffer.self) { decoder.append(bytes) }
    var packets = unread
    unread.removeAll()
    while let packet = try decoder.nextPacket() { packets.append(packet) }
    return packets
  }

  /// Opens `service`; returns the host's and the phone's stream ids, or nil when refused.
  func open(_ service: String) throws -> (local: UInt32, remote: UInt32)? {
    nextLocalID += 1
    try send(ADBPacket(.open, arg0: nextLocalID, arg1: 0, payload: service + "\0"))
    let reply = try received()
    guard let okay = reply.first, okay.command == .okay, okay.arg1 == nextLocalID else { return nil }
    unread = Array(reply.dropFirst())  // Output the service wrote at once, for `exchange`.
    return (nextLocalID, okay.arg0)
  }

  /// Writes `bytes` on a stream and acknowledges the phone's writes until it closes the stream
  /// or stops writing; returns everything the phone wrote and whether it closed.
  func exchange(_ stream: (local: UInt32, remote: UInt32), writing bytes: ByteBuffer? = nil) throws
    -> (output: ByteBuffer, closed: Bool)
  {
    if let bytes { try send(ADBPacket(.write, arg0: stream.local, arg1: stream.remote, payload: bytes)) }
    var output = ByteBuffer()
    var closed = false
    var pending = try received()
    while !pending.isEmpty {
      var acknowledgements: [ADBPacket] = []
      for packet in pending where packet.arg1 == stream.local {
        switch packet.command {
        case .write:
          var payload = packet.payload
          output.writeBuffer(&payload)
          acknowledgements.append(ADBPacket(.okay, arg0: stream.local, arg1: stream.remote))
        case .close: closed = true
        default: break
        }
      }
      for acknowledgement in acknowledgements { try send(acknowledgement) }
      pending = try received()
    }
    return (output, closed)
  }
}
