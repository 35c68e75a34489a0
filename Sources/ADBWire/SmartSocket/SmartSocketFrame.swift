public import NIOCore

/// Framing of the smart-socket protocol between a client and the adb server
/// (AOSP `docs/dev/overview.md`, `SERVICES.TXT`).
///
/// A request is four lowercase hex digits of length, then that many bytes. A reply starts with
/// `OKAY`, or with `FAIL` plus a hex4-prefixed message. Many host services then send a
/// hex4-prefixed payload.
public enum SmartSocketFrame {
  /// The largest request the adb server accepts (`MAX_PAYLOAD`); hex4 caps it at 65535 anyway.
  public static let maxRequestLength = 0xFFFF
  /// The largest hex4-prefixed payload (four hex digits).
  public static let maxPayloadLength = 0xFFFF

  /// A reply status.
  public enum Status: Hashable, Sendable {
    /// The request was accepted.
    case okay
    /// The request failed; the server's words, e.g. "device 'X' not found".
    case fail(String)
  }

  // MARK: - Requests

  /// Appends a request for `service` (e.g. `host:version`).
  /// - Throws: ``ADBWireError/Code/malformedSmartSocketFrame`` when `service` is empty or longer
  ///   than four hex digits can say.
  public static func writeRequest(_ service: String, to buffer: inout ByteBuffer) throws(ADBWireError) {
    try writeHexPrefixed(ByteBuffer(string: service), to: &buffer, allowEmpty: false)
  }

  /// Reads one request (the server's side), or nil when incomplete.
  /// - Throws: ``ADBWireError/Code/malformedSmartSocketFrame`` for a length that is not four hex
  ///   digits, or is zero.
  public static func readRequest(from buffer: inout ByteBuffer) throws(ADBWireError) -> String? {
    guard let payload = try readHexPrefixed(from: &buffer, allowEmpty: false) else { return nil }
    return String(decoding: payload.readableBytesView, as: UTF8.self)
  }

  // MARK: - Replies

  /// Appends `OKAY`.
  public static func writeOkay(to buffer: inout ByteBuffer) { buffer.writeString("OKAY") }

  /// Appends `FAIL` and a hex4-prefixed message.
  public static func writeFail(_ message: String, to buffer: inout ByteBuffer) {
    buffer.writeString("FAIL")
    let bytes = Array(message.utf8.prefix(maxPayloadLength))
    buffer.writeString(hex4(bytes.count))
    buffer.writeBytes(bytes)
  }

  /// Reads a status: `OKAY`, or `FAIL` with its message; nil when incomplete.
  /// - Throws: ``ADBWireError/Code/malformedSmartSocketFrame`` for any other four bytes.
  public static func readStatus(from buffer: inout ByteBuffer) throws(ADBWireError) -> Status? {
    guard let word = buffer.getString(at: buffer.readerIndex, length: 4) else { return nil }
    switch word {
    case "OKAY":
      buffer.moveReaderIndex(forwardBy: 4)
      return .okay
    case "FAIL":
      var reader = buffer
      reader.moveReaderIndex(forwardBy: 4)
      guard let message = try readHexPrefixed(from: &reader, allowEmpty: true) else { return nil }
      buffer = reader
      return .fail(String(decoding: message.readableBytesView, as: UTF8.self))
    default:
      let bytes = buffer.getBytes(at: buffer.readerIndex, length: 4) ?? []
      throw ADBWireError(.malformedSmartSocketFrame, "status is neither OKAY nor FAIL: \(bytes.hexSummary())")
    }
  }

  // MARK: - Hex4-prefixed payloads

  /// Appends a hex4 length and the payload.
  /// - Throws: ``ADBWireError/Code/malformedSmartSocketFrame`` when the payload is too long (or
  ///   empty, unless `allowEmpty`).
  public static func writeHexPrefixed(_ payload: ByteBuffer, to buffer: inout ByteBuffer, allowEmpty: Bool = true)
    throws(ADBWireError)
  {
    let length = payload.readableBytes
    guard length <= maxPayloadLength, allowEmpty || length > 0 else {
      throw ADBWireError(.malformedSmartSocketFrame, "payload of \(length) bytes cannot be framed")
    }
    buffer.writeString(hex4(length))
    var payload = payload
    buffer.writeBuffer(&payload)
  }

  /// Reads a hex4 length and that many bytes, or nil (consuming nothing) when incomplete.
  /// - Throws: ``ADBWireError/Code/malformedSmartSocketFrame`` when the length is not four hex
  ///   digits (or zero, unless `allowEmpty`).
  public static func readHexPrefixed(from buffer: inout ByteBuffer, allowEmpty: Bool = true)
    throws(ADBWireError) -> ByteBuffer?
  {
    guard let digits = buffer.getBytes(at: buffer.readerIndex, length: 4) else { return nil }
    guard let length = parseHex4(digits) else {
      throw ADBWireError(.malformedSmartSocketFrame, "length is not four hex digits: \(digits.hexSummary())")
    }
    guard allowEmpty || length > 0 else {
      throw ADBWireError(.malformedSmartSocketFrame, "empty request")
    }
    guard buffer.readableBytes >= 4 + length else { return nil }
    buffer.moveReaderIndex(forwardBy: 4)
    return buffer.readSlice(length: length)
  }

  /// Four lowercase hex digits, as AOSP's `%04x`.
  static func hex4(_ value: Int) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  static func parseHex4(_ digits: [UInt8]) -> Int? {
    var value = 0
    for digit in digits {
      let nibble: Int
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = Int(digit - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = Int(digit - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = Int(digit - UInt8(ascii: "A")) + 10
      default: return nil
      }
      value = value << 4 | nibble
    }
    return value
  }
}
