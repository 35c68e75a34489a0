/// CRC-32 as PNG (ISO/IEC 15948 §5.5) and zlib use it: polynomial 0xEDB88320 (reflected),
/// initial value and final XOR 0xFFFFFFFF. Uses slicing-by-8 tables so a 10 MB frame takes
/// a few milliseconds.
public struct CRC32: Sendable {
  /// The running register (before the final XOR).
  private var register: UInt32 = 0xFFFF_FFFF

  /// Starts a new checksum.
  public init() {}

  /// The CRC of everything fed so far.
  public var value: UInt32 { register ^ 0xFFFF_FFFF }

  /// The CRC of a byte sequence.
  public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var crc = CRC32()
    let array = Array(bytes)
    array.withUnsafeBytes { crc.update($0) }
    return crc.value
  }

  /// Feeds bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var crc = register
    var index = 0
    let count = bytes.count
    Self.tables.withUnsafeBufferPointer { table in
      while index + 8 <= count {
        let one =
          UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
          | UInt32(bytes[index + 3]) << 24
        let low = crc ^ one
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(bytes[index + 4])] ^ table[2 * 256 + Int(bytes[index + 5])]
          ^ table[1 * 256 + Int(bytes[index + 6])] ^ table[Int(bytes[index + 7])]
        index += 8
      }
      while index < count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
    }
    register = crc
  }

  /// Eight 256-entry tables: table k maps a byte to its CRC after k further zero bytes.
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      tables[byte] = crc
    }
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()
}

/// Adler-32 as zlib (RFC 1950 §8.2) defines it.
public struct Adler32: Sendable {
  /// The largest prime below 2^16.
  static let modulus: UInt32 = 65521
  /// RFC 1950's NMAX: the most bytes summed before the 32-bit sums could overflow.
  static let blockLength = 5552
  private var a: UInt32 = 1
  private var b: UInt32 = 0

  /// Starts a new checksum.
  public init() {}

  /// The checksum of everything fed so far.
  public var value: UInt32 { b << 16 | a }

  /// Feeds bytes.
  public mutating func update(_ bytes: UnsafeRawBufferPointer) {
    var index = 0
    while index < bytes.count {
      let end = min(index + Self.blockLength, bytes.count)
      while index < end {
        a &+= UInt32(bytes[index])
        b &+= a
        index += 1
      }
      a %= Self.modulus
      b %= Self.modulus
    }
  }
}
