/// Standard base64 (RFC 4648 §4, with padding), used by Android public keys and the ADB
/// keyboard broadcast. The wire layer has no Foundation dependency, hence its own codec.
public enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let reverse: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
    return table
  }()

  /// Encodes bytes with `=` padding.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output = [UInt8]()
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index + 2 < bytes.count {
      let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
      output += [
        alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)],
        alphabet[Int(value & 63)],
      ]
      index += 3
    }
    let rest = bytes.count - index
    if rest > 0 {
      let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
      output += [alphabet[Int(value >> 18)], alphabet[Int(value >> 12 & 63)]]
      output +=
        rest == 2 ? [alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")] : [UInt8(ascii: "="), UInt8(ascii: "=")]
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes padded or unpadded base64; nil for any character outside the alphabet or a
  /// length that cannot be base64.
  public static func decode(_ text: String) -> [UInt8]? {
    var values = [UInt8]()
    values.reserveCapacity(text.utf8.count)
    var padding = 0
    for character in text.utf8 {
      if character == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      guard padding == 0 else { return nil }
      let value = reverse[Int(character)]
      guard value != 0xFF else { return nil }
      values.append(value)
    }
    guard values.count % 4 != 1, padding <= 2 else { return nil }
    // Padding, when present, must complete the last 4-character quantum (RFC 4648 §4).
    guard padding == 0 || (values.count + padding) % 4 == 0 else { return nil }
    var output = [UInt8]()
    output.reserveCapacity(values.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for value in values {
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    return output
  }
}
