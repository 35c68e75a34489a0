public import NIOCore

/// An incremental decoder of device-protocol packets.
///
/// Bytes may arrive split or merged at any boundary (a TCP read, a USB transfer): feed them with
/// ``append(_:)`` and take packets with ``nextPacket()`` until it returns nil. The same decoder
/// serves TCP and USB (AOSP `apacket_reader`).
///
/// ```swift
/// var decoder = PacketDecoder()
/// decoder.append(bytesFromSocket)
/// while let packet = try decoder.nextPacket() { handle(packet) }
/// ```
public struct PacketDecoder: Sendable {
  /// The largest payload accepted; raise or lower it once CNXN has negotiated `maxdata`.
  public var maxPayload: Int
  /// The negotiated version; below 0x01000001 the checksum is verified if ``verifiesChecksum``.
  public var version: UInt32
  /// Whether to reject a payload whose byte sum disagrees with `data_check` on old versions.
  /// Off by default: AOSP's receivers no longer check it.
  public var verifiesChecksum: Bool

  private var buffer = ByteBuffer()
  private var pendingHeader: ADBPacket.Header?

  /// Creates a decoder.
  /// - Parameters:
  ///   - maxPayload: the payload limit; AOSP uses 1 MiB until CNXN negotiates another.
  ///   - version: the protocol version in force.
  ///   - verifiesChecksum: verify `data_check` when `version` is below 0x01000001.
  public init(
    maxPayload: Int = ADBProtocol.maxPayload, version: UInt32 = ADBProtocol.versionMin,
    verifiesChecksum: Bool = false
  ) {
    self.maxPayload = maxPayload
    self.version = version
    self.verifiesChecksum = verifiesChecksum
  }

  /// Adds received bytes.
  public mutating func append(_ bytes: ByteBuffer) {
    var bytes = bytes
    buffer.writeBuffer(&bytes)
  }

  /// Adds received bytes.
  public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.writeBytes(bytes)
  }

  /// Bytes received but not yet part of a returned packet.
  public var bufferedByteCount: Int { buffer.readableBytes + (pendingHeader == nil ? 0 : ADBProtocol.headerSize) }

  /// The next complete packet, or nil when more bytes are needed.
  /// - Throws: ``ADBWireError`` for a bad magic, an oversized length or (when enabled) a bad
  ///   checksum. After a throw the stream is unusable: the transport must close.
  public mutating func nextPacket() throws(ADBWireError) -> ADBPacket? {
    let packet = try Self.decode(
      from: &buffer, pendingHeader: &pendingHeader, maxPayload: maxPayload,
      checksumVersion: verifiesChecksum ? version : nil)
    if buffer.readableBytes == 0 { buffer.clear() } else if buffer.readerIndex > 1 << 20 { buffer.discardReadBytes() }
    return packet
  }

  /// Decodes one packet from `buffer`, keeping a header whose payload is incomplete in
  /// `pendingHeader`. Shared by ``PacketDecoder`` and ``ADBPacketByteDecoder``.
  static func decode(
    from buffer: inout ByteBuffer, pendingHeader: inout ADBPacket.Header?, maxPayload: Int,
    checksumVersion: UInt32?
  ) throws(ADBWireError) -> ADBPacket? {
    if pendingHeader == nil {
      pendingHeader = try ADBPacket.Header.read(from: &buffer, maxPayload: maxPayload)
    }
    guard let header = pendingHeader,
      let payload = buffer.readSlice(length: Int(header.dataLength))
    else { return nil }
    pendingHeader = nil
    if let version = checksumVersion, version < ADBProtocol.versionSkipChecksum {
      let sum = ADBPacket.checksum(of: payload)
      guard sum == header.dataCheck else {
        throw ADBWireError(
          .checksumMismatch, "\(header.command) data_check \(header.dataCheck), payload sums to \(sum)")
      }
    }
    return ADBPacket(header.command, arg0: header.arg0, arg1: header.arg1, payload: payload)
  }
}

/// ``PacketDecoder``'s logic as a SwiftNIO decoder, for a TCP pipeline
/// (`ByteToMessageHandler(ADBPacketByteDecoder())`) or `NIODecodedAsyncSequence` over USB chunks.
public struct ADBPacketByteDecoder: NIOSingleStepByteToMessageDecoder {
  public typealias InboundOut = ADBPacket

  /// The largest payload accepted.
  public var maxPayload: Int
  private var pendingHeader: ADBPacket.Header?

  /// Creates a decoder accepting payloads up to `maxPayload` bytes.
  public init(maxPayload: Int = ADBProtocol.maxPayload) {
    self.maxPayload = maxPayload
  }

  public mutating func decode(buffer: inout ByteBuffer) throws -> ADBPacket? {
    try PacketDecoder.decode(
      from: &buffer, pendingHeader: &pendingHeader, maxPayload: maxPayload, checksumVersion: nil)
  }

  public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ADBPacket? {
    try decode(buffer: &buffer)
  }
}
