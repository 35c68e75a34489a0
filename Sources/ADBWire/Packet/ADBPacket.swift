public import NIOCore

/// One device-protocol message: a 24-byte header and its payload.
///
/// The header's `data_length`, `data_check` and `magic` are derived when the packet is
/// written, so a packet value cannot disagree with itself.
///
/// ```swift
/// let open = ADBPacket(.open, arg0: 1, arg1: 0, payload: "shell:echo hi\0")
/// var buffer = ByteBuffer()
/// open.write(to: &buffer, version: ADBProtocol.currentVersion)
/// ```
public struct ADBPacket: Hashable, Sendable {
  /// The command in the header's first field.
  public var command: ADBCommand
  /// The first argument; its meaning depends on the command (often the sender's stream id).
  public var arg0: UInt32
  /// The second argument (often the receiver's stream id).
  public var arg1: UInt32
  /// The payload bytes.
  public var payload: ByteBuffer

  /// Creates a packet with a binary payload.
  public init(_ command: ADBCommand, arg0: UInt32, arg1: UInt32, payload: ByteBuffer = ByteBuffer()) {
    self.command = command
    self.arg0 = arg0
    self.arg1 = arg1
    self.payload = payload
  }

  /// Creates a packet whose payload is the UTF-8 bytes of `text`.
  public init(_ command: ADBCommand, arg0: UInt32, arg1: UInt32, payload text: String) {
    self.init(command, arg0: arg0, arg1: arg1, payload: ByteBuffer(string: text))
  }

  /// The unsigned byte sum of a payload: what `data_check` holds (it is not a CRC, despite the
  /// old `data_crc32` name; `protocol.md`).
  public static func checksum(of payload: ByteBuffer) -> UInt32 {
    payload.withUnsafeReadableBytes { bytes in
      var sum: UInt32 = 0
      for byte in bytes { sum &+= UInt32(byte) }
      return sum
    }
  }
}

// MARK: - Writing

extension ADBPacket {
  /// Appends header and payload to `buffer`.
  ///
  /// - Parameters:
  ///   - buffer: where the bytes go.
  ///   - version: the protocol version in force for this packet. Below
  ///     ``ADBProtocol/versionSkipChecksum`` the payload byte-sum is computed; from it on,
  ///     `data_check` is 0, as AOSP sends.
  public func write(to buffer: inout ByteBuffer, version: UInt32) {
    writeHeader(to: &buffer, version: version)
    var payload = self.payload
    buffer.writeBuffer(&payload)
  }

  /// Appends only the 24-byte header: USB sends header and payload as separate transfers.
  public func writeHeader(to buffer: inout ByteBuffer, version: UInt32) {
    let check = version < ADBProtocol.versionSkipChecksum ? Self.checksum(of: payload) : 0
    buffer.writeMultipleIntegers(
      command.rawValue, arg0, arg1, UInt32(payload.readableBytes), check, command.rawValue ^ 0xFFFF_FFFF,
      endianness: .little
    )
  }
}

// MARK: - Reading

extension ADBPacket {
  /// The header of a packet whose payload has not arrived yet.
  public struct Header: Hashable, Sendable {
    /// The command field.
    public var command: ADBCommand
    /// The first argument.
    public var arg0: UInt32
    /// The second argument.
    public var arg1: UInt32
    /// How many payload bytes follow.
    public var dataLength: UInt32
    /// The payload byte sum, or 0 from version 0x01000001 on.
    public var dataCheck: UInt32
    /// Must be `command ^ 0xFFFFFFFF`.
    public var magic: UInt32

    /// Reads and validates a 24-byte header. Returns nil, consuming nothing, when fewer than 24
    /// bytes are readable.
    ///
    /// - Throws: ``ADBWireError/Code/badMagic`` or ``ADBWireError/Code/payloadTooLarge``,
    ///   the two checks AOSP's `check_header` makes.
    public static func read(from buffer: inout ByteBuffer, maxPayload: Int) throws(ADBWireError) -> Header? {
      guard
        let fields = buffer.getMultipleIntegers(
          at: buffer.readerIndex, endianness: .little,
          as: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32).self
        )
      else { return nil }
      let header = Header(
        command: ADBCommand(rawValue: fields.0), arg0: fields.1, arg1: fields.2,
        dataLength: fields.3, dataCheck: fields.4, magic: fields.5
      )
      guard header.magic == header.command.rawValue ^ 0xFFFF_FFFF else {
        throw ADBWireError(.badMagic, "header \(header.summary(buffer))")
      }
      guard Int(header.dataLength) <= maxPayload else {
        throw ADBWireError(
          .payloadTooLarge, "\(header.command) declares \(header.dataLength) bytes, limit \(maxPayload)")
      }
      buffer.moveReaderIndex(forwardBy: ADBProtocol.headerSize)
      return header
    }

    private func summary(_ buffer: ByteBuffer) -> String {
      let bytes = buffer.getBytes(at: buffer.readerIndex, length: ADBProtocol.headerSize) ?? []
      return bytes.hexSummary(limit: ADBProtocol.headerSize)
    }
  }
}
