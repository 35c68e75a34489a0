import Foundation
import Testing

@testable import ADBWire

/// The `RSAPublicKey` blob of `android_pubkey.h` (ADB-PROTOCOL.md §2, "Public key blob").
@Suite struct AndroidPublicKeyTests {
  /// A made-up 2048-bit modulus, little-endian as the blob stores it: odd, top bit set.
  static let modulusLE: [UInt8] = (0..<256).map { $0 == 255 ? 0xc1 : UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
  static let rrLE: [UInt8] = (0..<256).map { UInt8(255 - $0) }

  /// −1/n mod 2³² for the low word of `modulusLE` (Newton's iteration for the inverse mod 2³²).
  static func n0inv(lowWord n0: UInt32) -> UInt32 {
    var inverse = n0
    for _ in 0..<5 { inverse = inverse &* (2 &- n0 &* inverse) }
    return 0 &- inverse
  }

  static var lowWord: UInt32 {
    UInt32(modulusLE[0]) | UInt32(modulusLE[1]) << 8 | UInt32(modulusLE[2]) << 16 | UInt32(modulusLE[3]) << 24
  }

  static var key: AndroidPublicKey {
    AndroidPublicKey(
      modulus: modulusLE.reversed(), exponent: 65537, n0inv: n0inv(lowWord: lowWord), rr: rrLE.reversed(),
      comment: "user@host")
  }

  @Test func encodesBlobLayout() {
    let inverse = Self.n0inv(lowWord: Self.lowWord)
    #expect(inverse &* Self.lowWord == 0xFFFF_FFFF)
    let expected: [UInt8] =
      [0x40, 0x00, 0x00, 0x00]  // modulus_size_words = 64
      + [UInt8(inverse & 0xff), UInt8(inverse >> 8 & 0xff), UInt8(inverse >> 16 & 0xff), UInt8(inverse >> 24)]
      + Self.modulusLE + Self.rrLE
      + [0x01, 0x00, 0x01, 0x00]  // exponent 65537
    #expect(Self.key.blob == expected)
    #expect(Self.key.blob.count == 524 && AndroidPublicKey.encodedByteCount == 524)
  }

  @Test func decodesBlobToBigEndianFields() throws {
    let key = try AndroidPublicKey(blob: Self.key.blob)
    #expect(key.modulus.first == 0xc1 && key.modulus.last == 0x01)
    #expect(key.rr.first == 0x00 && key.rr.last == 0xff)
    #expect(key.exponent == 65537 && key.comment == "")
  }

  @Test func roundTripsLine() throws {
    let line = Self.key.line
    let encoded = try #require(line.split(separator: " ").first)
    #expect(encoded.count == 700)
    #expect(line.hasSuffix(" user@host"))
    #expect(try AndroidPublicKey(parsing: line) == Self.key)
  }

  // AUTH(RSAPUBLICKEY) carries `<base64> user@host\0`; files may end with a newline.
  @Test(arguments: ["\0", "\n", "\r\n", " \0"])
  func ignoresTrailingTerminators(suffix: String) throws {
    #expect(try AndroidPublicKey(parsing: Self.key.line + suffix) == Self.key)
  }

  @Test func parsesLineWithoutComment() throws {
    var key = Self.key
    key.comment = ""
    #expect(!key.line.contains(" "))
    #expect(try AndroidPublicKey(parsing: key.line) == key)
  }

  @Test func keepsCommentWithSpaces() throws {
    var key = Self.key
    key.comment = "alice@my laptop"
    #expect(try AndroidPublicKey(parsing: key.line).comment == "alice@my laptop")
  }

  // MARK: - Invalid

  @Test(arguments: ["", "not base64! user@host", "QUFB*QUFB", "\0"])
  func rejectsInvalidBase64(line: String) {
    expectWireError(.protocolViolation) { () throws(ADBWireError) in try AndroidPublicKey(parsing: line) }
  }

  @Test(arguments: [0, 523, 525, 700])
  func rejectsWrongSize(count: Int) {
    let blob = Array((Self.key.blob + [UInt8](repeating: 0, count: 200)).prefix(count))
    expectWireError(.protocolViolation) { () throws(ADBWireError) in try AndroidPublicKey(blob: blob) }
    expectWireError(.protocolViolation) { () throws(ADBWireError) in
      try AndroidPublicKey(parsing: Base64.encode(blob) + " x@y")
    }
  }

  @Test(arguments: [UInt8(0x20), 0x41, 0x00])
  func rejectsWordCountOtherThan64(words: UInt8) {
    var blob = Self.key.blob
    blob[0] = words
    expectWireError(.protocolViolation) { () throws(ADBWireError) in try AndroidPublicKey(blob: blob) }
  }

  // MARK: - A real key from Google's adb

  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/adb"), "needs Google's adb at /usr/bin/adb"))
  func parsesKeyGeneratedByAdbKeygen() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("adbwire-keygen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/adb")
    process.arguments = ["keygen", directory.appendingPathComponent("adbkey").path]
    // Its own HOME, so neither ~/.android nor a running server is touched.
    process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "adb keygen exited with \(process.terminationStatus)")

    let line = try String(contentsOf: directory.appendingPathComponent("adbkey.pub"), encoding: .utf8)
    let key = try AndroidPublicKey(parsing: line)
    #expect(key.modulus.count == 256 && key.modulus[0] >= 0x80, "a 2048-bit modulus")
    #expect(key.exponent == 65537)
    // n0inv · n[0..3] ≡ −1 (mod 2³²): the Montgomery constant of the low word.
    let blob = key.blob
    let n0 = UInt32(blob[8]) | UInt32(blob[9]) << 8 | UInt32(blob[10]) << 16 | UInt32(blob[11]) << 24
    #expect(key.n0inv &* n0 == 0xFFFF_FFFF)
    #expect(key.rr.lexicographicallyPrecedes(key.modulus), "R² mod n is below n")
    // adbkey.pub has no trailing newline; re-encoding gives the file back byte for byte.
    #expect(key.line == line)
  }
}
