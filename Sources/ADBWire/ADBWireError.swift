/// The one error type of the wire layer: a decoder or state machine met bytes it cannot accept.
///
/// The `code` says what kind of fault it was; `context` says where (a hex summary of the
/// offending header or bytes), so a user can report it and a test can assert on it.
///
/// ```swift
/// do { _ = try decoder.nextPacket() } catch let error as ADBWireError where error.code == .badMagic { … }
/// ```
public struct ADBWireError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of fault this is. Extensible: new codes can be added without breaking callers.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Hashable, Sendable {
      case badMagic = "bad magic"
      case payloadTooLarge = "payload too large"
      case checksumMismatch = "checksum mismatch"
      case malformedBanner = "malformed banner"
      case malformedShellPacket = "malformed shell packet"
      case malformedSyncRecord = "malformed sync record"
      case malformedSmartSocketFrame = "malformed smart-socket frame"
      case unknownStream = "unknown stream"
      case protocolViolation = "protocol violation"
    }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// The header's magic is not `command ^ 0xFFFFFFFF` (AOSP `check_header`).
    public static let badMagic = Code(.badMagic)
    /// A length field exceeds the negotiated or protocol maximum.
    public static let payloadTooLarge = Code(.payloadTooLarge)
    /// `data_check` does not match the payload's byte sum where the version requires it.
    public static let checksumMismatch = Code(.checksumMismatch)
    /// A CNXN banner that is not `<systemtype>:<serial>:<props>`.
    public static let malformedBanner = Code(.malformedBanner)
    /// A shell protocol v2 packet with an impossible id or length.
    public static let malformedShellPacket = Code(.malformedShellPacket)
    /// A sync record with an unknown id or an impossible length.
    public static let malformedSyncRecord = Code(.malformedSyncRecord)
    /// A smart-socket frame whose status or hex length is not valid.
    public static let malformedSmartSocketFrame = Code(.malformedSmartSocketFrame)
    /// A packet names a stream id that is not open.
    public static let unknownStream = Code(.unknownStream)
    /// A packet that is well formed but not allowed at this point of the protocol.
    public static let protocolViolation = Code(.protocolViolation)

    public var description: String { base.rawValue }
  }

  /// What kind of fault this is.
  public let code: Code
  /// Human-readable detail: what was expected and a hex summary of what arrived.
  public let context: String

  /// Creates an error with a code and its context.
  public init(_ code: Code, _ context: String) {
    self.code = code
    self.context = context
  }

  public var description: String { "\(code): \(context)" }
}

extension Sequence where Element == UInt8 {
  /// A short hex summary of bytes for error messages: at most `limit` bytes, then "…".
  func hexSummary(limit: Int = 32) -> String {
    var text = ""
    var count = 0
    for byte in self {
      if count == limit {
        text += "…"
        break
      }
      if count > 0 { text += " " }
      let hex = String(byte, radix: 16)
      text += hex.count == 1 ? "0" + hex : hex
      count += 1
    }
    return text
  }
}
