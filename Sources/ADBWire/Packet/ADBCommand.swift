/// A device-protocol command: four ASCII bytes read as a little-endian `UInt32`.
///
/// Values come from AOSP `adb.h`; the comment beside each is its ASCII form.
public struct ADBCommand: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt32

  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// Connect: opens the transport and carries the banner.
  public static let connect = ADBCommand(rawValue: 0x4e58_4e43)  // "CNXN"
  /// Authentication: token, signature or public key.
  public static let auth = ADBCommand(rawValue: 0x4854_5541)  // "AUTH"
  /// Opens a stream to a service.
  public static let open = ADBCommand(rawValue: 0x4e45_504f)  // "OPEN"
  /// Stream ready, or a write acknowledged.
  public static let okay = ADBCommand(rawValue: 0x5941_4b4f)  // "OKAY"
  /// Closes a stream.
  public static let close = ADBCommand(rawValue: 0x4553_4c43)  // "CLSE"
  /// Data on a stream.
  public static let write = ADBCommand(rawValue: 0x4554_5257)  // "WRTE"
  /// Starts TLS on the same socket (wireless debugging).
  public static let startTLS = ADBCommand(rawValue: 0x534c_5453)  // "STLS"
  /// Obsolete; never sent on the wire, listed so it is recognised.
  public static let sync = ADBCommand(rawValue: 0x434e_5953)  // "SYNC"

  /// The commands Google's adb knows.
  public static let known: [ADBCommand] = [.connect, .auth, .open, .okay, .close, .write, .startTLS, .sync]

  /// The four-letter name, or the hex value when the bytes are not printable ASCII.
  public var description: String {
    let bytes = withUnsafeBytes(of: rawValue.littleEndian) { Array($0) }
    if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) {
      return String(decoding: bytes, as: UTF8.self)
    }
    return "0x" + String(rawValue, radix: 16)
  }
}
