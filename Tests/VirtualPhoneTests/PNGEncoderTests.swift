import Testing

@testable import VirtualPhone

@Suite struct PNGEncoderTests {
  /// A decoded PNG: header fields and the inflated scanline data.
  struct DecodedPNG {
    var width: Int
    var height: Int
    var bitDepth: UInt8
    var colorType: UInt8
    var scanlines: [UInt8]
  }

  /// Reference CRC-32, bit by bit (independent of the encoder's table-driven one).
  static func referenceCRC(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
  }

  static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// Walks the chunks (checking every CRC) and inflates the stored deflate blocks.
  static func decode(_ png: [UInt8]) throws -> DecodedPNG {
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var offset = 8
    var chunks: [String] = []
    var header: [UInt8] = []
    var zlib: [UInt8] = []
    while offset < png.count {
      let length = Int(bigEndian(png, offset))
      let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let data = Array(png[(offset + 8)..<(offset + 8 + length)])
      #expect(
        bigEndian(png, offset + 8 + length) == referenceCRC(png[(offset + 4)..<(offset + 8 + length)]), "CRC of \(type)"
      )
      chunks.append(type)
      if type == "IHDR" { header = data }
      if type == "IDAT" { zlib += data }
      offset += 12 + length
    }
    #expect(chunks.first == "IHDR" && chunks.last == "IEND" && chunks.contains("IDAT"))
    #expect((UInt16(zlib[0]) << 8 | UInt16(zlib[1])) % 31 == 0)
    #expect(zlib[0] & 0x0F == 8)  // deflate
    var position = 2
    var inflated: [UInt8] = []
    var final = false
    while !final {
      final = zlib[position] & 1 == 1
      #expect(zlib[position] >> 1 & 3 == 0)  // stored block
      let length = Int(zlib[position + 1]) | Int(zlib[position + 2]) << 8
      let complement = Int(zlib[position + 3]) | Int(zlib[position + 4]) << 8
      #expect(length ^ 0xFFFF == complement)
      inflated += zlib[(position + 5)..<(position + 5 + length)]
      position += 5 + length
    }
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in inflated {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    #expect(bigEndian(zlib, position) == b << 16 | a)
    #expect(position + 4 == zlib.count)
    return DecodedPNG(
      width: Int(bigEndian(header, 0)), height: Int(bigEndian(header, 4)), bitDepth: header[8], colorType: header[9],
      scanlines: inflated)
  }

  @Test(arguments: [(1, 1), (3, 2), (200, 400), (0, 0)])
  func encodesDecodableImage(width: Int, height: Int) throws {
    var image = Framebuffer(width: width, height: height, background: .init(red: 10, green: 20, blue: 30))
    image.fill(UIRect(left: 0, top: 0, right: 1, bottom: 1), with: .init(red: 255, green: 0, blue: 0))
    let decoded = try Self.decode(PNGEncoder.encode(image))
    #expect(decoded.width == width && decoded.height == height)
    #expect(decoded.bitDepth == 8 && decoded.colorType == 6)
    #expect(decoded.scanlines.count == height * (1 + width * 4))
    if width > 0 && height > 0 {
      #expect(Array(decoded.scanlines.prefix(5)) == [0, 255, 0, 0, 255])
    }
    if width > 1 {
      #expect(Array(decoded.scanlines[5..<9]) == [10, 20, 30, 255])
    }
  }

  @Test func checksumsMatchKnownVectors() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    var adler = Adler32()
    Array("Wikipedia".utf8).withUnsafeBytes { adler.update($0) }
    #expect(adler.value == 0x11E6_0398)
  }

  @Test func screencapPngDecodesAtScreenSize() throws {
    let phone = makeTestPhone(width: 1080, height: 2400)
    let result = phone.sh("screencap -p")
    #expect(result.exitStatus == 0)
    let decoded = try Self.decode(result.stdout)
    #expect(decoded.width == 1080 && decoded.height == 2400)
    #expect(decoded.scanlines.count == 2400 * (1 + 1080 * 4))
  }

  @Test func screencapWritesFileAndRawFormat() throws {
    let phone = makeTestPhone(width: 72, height: 160)
    #expect(phone.sh("screencap -p /sdcard/s.png").stdout.isEmpty)
    let file = try phone.fileSystem.readFile("/sdcard/s.png")
    #expect(try Self.decode(file).width == 72)
    let raw = phone.sh("screencap").stdout
    #expect(Array(raw.prefix(16)) == [72, 0, 0, 0, 160, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])
    #expect(raw.count == 16 + 72 * 160 * 4)
  }
}
