import ADBWire
import NIOCore

/// Reads device-protocol packets from a bulk IN endpoint, one transfer at a time.
///
/// adbd writes each header as a transfer of its own, then the payload (AOSP
/// `docs/dev/zero_length_packet.md`). The reader follows ya-webadb and AOSP `usb_libusb.cpp`:
/// - the header read asks for `wMaxPacketSize` bytes, and a transfer that is not exactly 24
///   bytes with a valid magic is discarded, which resynchronises a pipe holding stale data
///   from an earlier session;
/// - payload reads ask for the bytes still missing rounded up to a multiple of
///   `wMaxPacketSize`, so a packet never overflows the buffer (`LIBUSB_ERROR_OVERFLOW`).
/// The bytes then go through ``PacketDecoder``, the decoder the TCP link uses too.
struct USBPacketReader {
  private let pipe: any USBBulkPipe
  private var decoder: PacketDecoder
  /// Transfers dropped while looking for a header: stale data, or a device out of step.
  private(set) var discardedTransfers = 0

  /// Creates a reader that accepts payloads up to `maxPayload` bytes.
  init(pipe: any USBBulkPipe, maxPayload: Int = ADBProtocol.maxPayload) {
    self.pipe = pipe
    self.decoder = PacketDecoder(maxPayload: maxPayload)
  }

  /// Blocks until the next whole packet has arrived.
  /// - Throws: ``ADBError`` from the pipe; ``ADBWireError`` for a header that declares more
  ///   than `maxPayload` bytes; ``ADBError/Code/protocolError`` when a payload transfer brings
  ///   more bytes than its header declared.
  mutating func next() throws -> ADBPacket {
    let header = try nextHeader()
    var missing = Int(header.dataLength)
    while missing > 0 {
      let chunk = try pipe.read(maxLength: Self.roundedUp(missing, to: pipe.inMaxPacketSize))
      guard chunk.readableBytes <= missing else {
        throw ADBError(
          .protocolError,
          "\(pipe.path) sent \(chunk.readableBytes) bytes where the \(header.command) payload needed \(missing)")
      }
      missing -= chunk.readableBytes
      decoder.append(chunk)
    }
    guard let packet = try decoder.nextPacket() else {
      preconditionFailure("a header and all its payload bytes make a packet")
    }
    return packet
  }

  /// Reads transfers until one is a valid 24-byte header, and hands it to the decoder.
  private mutating func nextHeader() throws -> ADBPacket.Header {
    while true {
      let chunk = try pipe.read(maxLength: max(pipe.inMaxPacketSize, ADBProtocol.headerSize))
      if let header = try header(in: chunk) {
        decoder.append(chunk)
        return header
      }
      discardedTransfers += 1
    }
  }

  /// The header `chunk` holds, or nil when it is not exactly one header with a valid magic.
  /// - Throws: ``ADBWireError/Code/payloadTooLarge``: a real header declaring too much.
  private func header(in chunk: ByteBuffer) throws -> ADBPacket.Header? {
    guard chunk.readableBytes == ADBProtocol.headerSize else { return nil }
    var probe = chunk
    do {
      return try ADBPacket.Header.read(from: &probe, maxPayload: decoder.maxPayload)
    } catch {
      guard error.code == .badMagic else { throw error }
      return nil
    }
  }

  /// `count` rounded up to a multiple of `unit`.
  static func roundedUp(_ count: Int, to unit: Int) -> Int {
    guard unit > 0 else { return count }
    return (count + unit - 1) / unit * unit
  }
}
