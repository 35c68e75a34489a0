/// An RSA public key in Android's format: the 524-byte `RSAPublicKey` blob of mincrypt /
/// `android_pubkey.h`, base64-encoded, a space, then `user@host`. This is what `adbkey.pub`
/// and a line of `adb_keys` hold, and what AUTH(RSAPUBLICKEY) carries.
///
/// | field | size | content |
/// |---|---|---|
/// | modulus_size_words | u32 | 64 |
/// | n0inv | u32 | −1/n mod 2³² |
/// | n | 256 bytes | modulus, little-endian |
/// | rr | 256 bytes | R² mod n, R = 2²⁰⁴⁸, little-endian |
/// | exponent | u32 | 65537 |
///
/// This type only moves bytes; computing `n0inv` and `rr` from a modulus is the job of the key
/// generator (it needs big-integer arithmetic).
public struct AndroidPublicKey: Hashable, Sendable {
  /// adbd accepts only 2048-bit keys (`android_pubkey.h` ANDROID_PUBKEY_MODULUS_SIZE).
  public static let modulusByteCount = 256
  /// Size of the binary blob.
  public static let encodedByteCount = 4 + 4 + 2 * modulusByteCount + 4

  /// The modulus, big-endian (the usual order for arithmetic and for PEM).
  public var modulus: [UInt8]
  /// The public exponent (65537, or 3 on old keys).
  public var exponent: UInt32
  /// −1/n mod 2³², as stored in the blob.
  public var n0inv: UInt32
  /// R² mod n, big-endian.
  public var rr: [UInt8]
  /// The `user@host` comment after the base64 (may be empty).
  public var comment: String

  /// Creates a key from its parts.
  public init(modulus: [UInt8], exponent: UInt32, n0inv: UInt32, rr: [UInt8], comment: String) {
    self.modulus = modulus
    self.exponent = exponent
    self.n0inv = n0inv
    self.rr = rr
    self.comment = comment
  }

  /// Parses one line of `adb_keys` or `adbkey.pub`: base64 blob, optionally a space and a
  /// comment, optionally a trailing NUL (AUTH payloads carry one).
  /// - Throws: ``ADBWireError/Code/protocolViolation`` when the base64 or the blob is invalid.
  public init(parsing line: String) throws(ADBWireError) {
    let trimmed = line.trimmingASCIIWhitespaceAndNUL()
    let parts = trimmed.split(separator: " ", maxSplits: 1)
    guard let encoded = parts.first, let blob = Base64.decode(String(encoded)) else {
      throw ADBWireError(.protocolViolation, "public key is not base64: \(String(trimmed.prefix(40)).debugDescription)")
    }
    try self.init(blob: blob, comment: parts.count > 1 ? String(parts[1]) : "")
  }

  /// Decodes the 524-byte blob.
  /// - Throws: ``ADBWireError/Code/protocolViolation`` for a wrong size or word count.
  public init(blob: [UInt8], comment: String = "") throws(ADBWireError) {
    guard blob.count == Self.encodedByteCount else {
      throw ADBWireError(
        .protocolViolation, "public key blob has \(blob.count) bytes, expected \(Self.encodedByteCount)")
    }
    func word(at offset: Int) -> UInt32 {
      UInt32(blob[offset]) | UInt32(blob[offset + 1]) << 8 | UInt32(blob[offset + 2]) << 16
        | UInt32(blob[offset + 3]) << 24
    }
    guard word(at: 0) == Self.modulusByteCount / 4 else {
      throw ADBWireError(.protocolViolation, "public key has \(word(at: 0)) modulus words, expected 64")
    }
    let n = 8
    let rrOffset = n + Self.modulusByteCount
    self.init(
      modulus: Array(blob[n..<rrOffset].reversed()),
      exponent: word(at: rrOffset + Self.modulusByteCount),
      n0inv: word(at: 4),
      rr: Array(blob[rrOffset..<(rrOffset + Self.modulusByteCount)].reversed()),
      comment: comment)
  }

  /// The 524-byte blob.
  public var blob: [UInt8] {
    func le(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    return le(UInt32(Self.modulusByteCount / 4)) + le(n0inv) + modulus.reversed() + rr.reversed() + le(exponent)
  }

  /// The line form: base64 of the blob, and ` comment` when there is one.
  public var line: String {
    let encoded = Base64.encode(blob)
    return comment.isEmpty ? encoded : "\(encoded) \(comment)"
  }
}

extension StringProtocol {
  func trimmingASCIIWhitespaceAndNUL() -> Substring {
    // "\r\n" is one Character (a single grapheme cluster), so it is listed on its own.
    let isSpace: (Character) -> Bool = {
      $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" || $0 == "\0"
    }
    let text = Substring(self)
    guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return text[start...end]
  }
}
