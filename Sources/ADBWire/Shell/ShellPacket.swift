public import NIOCore

/// One packet of shell protocol v2 (`shell_protocol.h`): a 1-byte id, a u32 LE length, then the
/// payload. Used by `shell,v2,…:` streams to carry stdin, stdout, stderr and the exit status.
public struct ShellPacket: Hashable, Sendable {
  /// What a packet carries.
  public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Host to device: standard input bytes.
    public static let stdin = Kind(rawValue: 0)
    /// Device to host: standard output bytes.
    public static let stdout = Kind(rawValue: 1)
    /// Device to host: standard error bytes.
    public static let stderr = Kind(rawValue: 2)
    /// Device to host: one byte of exit status (`0x80 | signal` when killed).
    public static let exit = Kind(rawValue: 3)
    /// Host to device: standard input is finished (empty payload).
    public static let closeStdin = Kind(rawValue: 4)
    /// Host to device: terminal size as ASCII `"rowsxcols,xpixelsxypixels"`.
    public static let windowSizeChange = Kind(rawValue: 5)
    /// Marks an invalid packet.
    public static let invalid = Kind(rawValue: 255)

    static let known: Set<UInt8> = [0, 1, 2, 3, 4, 5, 255]

    public var description: String {
      switch self {
      case .stdin: "stdin"
      case .stdout: "stdout"
      case .stderr: "stderr"
      case .exit: "exit"
      case .closeStdin: "close-stdin"
      case .windowSizeChange: "window-size"
      case .invalid: "invalid"
      default: "unknown(\(rawValue))"
      }
    }
  }

  /// Size of the id and length fields.
  public static let headerSize = 5

  /// The packet's kind.
  public var kind: Kind
  /// The payload.
  public var payload: ByteBuffer

  /// Creates a packet.
  public init(_ kind: Kind, payload: ByteBuffer = ByteBuffer()) {
    self.kind = kind
    self.payload = payload
  }

  /// An exit packet carrying `status` (0–255).
  public static func exit(status: UInt8) -> ShellPacket {
    ShellPacket(.exit, payload: ByteBuffer(bytes: [status]))
  }

  /// Appends the encoded packet to `buffer`.
  public func write(to buffer: inout ByteBuffer) {
    buffer.writeInteger(kind.rawValue)
    buffer.writeInteger(UInt32(payload.readableBytes), endianness: .little)
    var payload = self.payload
    buffer.writeBuffer(&payload)
  }

  /// Reads one packet, or returns nil (consuming nothing) when it is incomplete.
  /// - Parameter maxPayload: the largest payload accepted.
  /// - Throws: ``ADBWireError/Code/malformedShellPacket`` for an unknown id, an oversized
  ///   length, or an exit packet whose payload is not exactly one byte.
  public static func read(from buffer: inout ByteBuffer, maxPayload: Int = ADBProtocol.maxPayload)
    throws(ADBWireError) -> ShellPacket?
  {
    guard
      let (id, length) = buffer.getMultipleIntegers(
        at: buffer.readerIndex, endianness: .little, as: (UInt8, UInt32).self)
    else { return nil }
    guard Kind.known.contains(id) else {
      throw ADBWireError(.malformedShellPacket, "unknown packet id \(id)")
    }
    guard Int(length) <= maxPayload else {
      throw ADBWireError(.malformedShellPacket, "\(Kind(rawValue: id)) length \(length) over \(maxPayload)")
    }
    let kind = Kind(rawValue: id)
    if (kind == .exit && length != 1) || (kind == .closeStdin && length != 0) {
      throw ADBWireError(.malformedShellPacket, "\(kind) packet with \(length) payload bytes")
    }
    guard buffer.readableBytes >= headerSize + Int(length) else { return nil }
    buffer.moveReaderIndex(forwardBy: headerSize)
    return ShellPacket(kind, payload: buffer.readSlice(length: Int(length))!)
  }
}
