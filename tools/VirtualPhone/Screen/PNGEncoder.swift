/// Encodes a ``Framebuffer`` as a PNG (ISO/IEC 15948): 8-bit RGBA (colour type 6),
/// every scanline with filter type 0, and the zlib stream made of stored (uncompressed)
/// deflate blocks (RFC 1951 §3.2.4), so encoding is a few memory copies plus two checksums.
///
/// ```swift
/// let png = PNGEncoder.encode(Framebuffer(width: 1080, height: 2400, background: .init(red: 0, green: 0, blue: 0)))
/// ```
public enum PNGEncoder {
  /// The 8-byte PNG signature (§5.2): `\x89PNG\r\n\x1a\n`.
  public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// The largest payload of one stored deflate block (LEN is 16 bits).
  static let maximumStoredBlock = 65535
  /// zlib header (RFC 1950 §2.2): CM 8 (deflate), CINFO 7 (32K window), FLEVEL 0; FCHECK makes
  /// the 16-bit value a multiple of 31 (0x7801 = 30721 = 31 × 991).
  static let zlibHeader: [UInt8] = [0x78, 0x01]
  /// IHDR colour type 6: truecolour with alpha.
  static let colorTypeRGBA: UInt8 = 6
  static let bitDepth: UInt8 = 8

  /// Encodes an image.
  /// - Parameter framebuffer: the RGBA pixels.
  /// - Returns: the PNG file's bytes.
  public static func encode(_ framebuffer: Framebuffer) -> [UInt8] {
    let width = framebuffer.width
    let height = framebuffer.height
    let rowBytes = width * Framebuffer.bytesPerPixel
    let rawLength = height * (1 + rowBytes)
    let blocks = max(1, (rawLength + maximumStoredBlock - 1) / maximumStoredBlock)
    let zlibLength = zlibHeader.count + blocks * 5 + rawLength + 4
    let total = signature.count + (12 + 13) + (12 + zlibLength) + 12

    return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
      var writer = ByteWriter(buffer: UnsafeMutableRawBufferPointer(buffer))
      writer.append(signature)
      // IHDR (§11.2.2): width, height, bit depth, colour type, compression 0, filter 0, interlace 0.
      let headerStart = writer.beginChunk(length: 13, type: 0x4948_4452)  // "IHDR"
      writer.appendBigEndian(UInt32(width))
      writer.appendBigEndian(UInt32(height))
      writer.append([bitDepth, colorTypeRGBA, 0, 0, 0])
      writer.endChunk(startingAt: headerStart)

      let dataStart = writer.beginChunk(length: zlibLength, type: 0x4944_4154)  // "IDAT"
      writer.append(zlibHeader)
      var deflate = StoredBlockWriter(remainingBytes: rawLength)
      var adler = Adler32()
      let filterNone: [UInt8] = [0]
      framebuffer.pixels.withUnsafeBytes { pixels in
        filterNone.withUnsafeBytes { filter in
          for row in 0..<height {
            deflate.write(filter, into: &writer, adler: &adler)
            deflate.write(
              UnsafeRawBufferPointer(rebasing: pixels[(row * rowBytes)..<((row + 1) * rowBytes)]), into: &writer,
              adler: &adler)
          }
        }
      }
      if rawLength == 0 { writer.append([1, 0, 0, 0xFF, 0xFF]) }  // one empty final block
      writer.appendBigEndian(adler.value)
      writer.endChunk(startingAt: dataStart)

      let endStart = writer.beginChunk(length: 0, type: 0x4945_4E44)  // "IEND"
      writer.endChunk(startingAt: endStart)
      precondition(writer.offset == total, "PNG size miscalculated")
      initialized = total
    }
  }
}

/// Splits the raw zlib payload into stored deflate blocks of at most 65535 bytes,
/// writing each 5-byte block header (BFINAL/BTYPE=00, LEN, NLEN) when a block starts.
private struct StoredBlockWriter {
  var remainingBytes: Int
  var leftInBlock = 0

  mutating func write(_ bytes: UnsafeRawBufferPointer, into writer: inout ByteWriter, adler: inout Adler32) {
    adler.update(bytes)
    var start = 0
    while start < bytes.count {
      if leftInBlock == 0 {
        let length = min(remainingBytes, PNGEncoder.maximumStoredBlock)
        let isFinal: UInt8 = remainingBytes == length ? 1 : 0
        let len = UInt16(length)
        writer.append([isFinal, UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF), UInt8(~len >> 8)])
        leftInBlock = length
      }
      let count = min(leftInBlock, bytes.count - start)
      writer.append(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count)]))
      start += count
      leftInBlock -= count
      remainingBytes -= count
    }
  }
}

/// Writes into a preallocated buffer with no bounds growth; chunk helpers add length and CRC.
private struct ByteWriter {
  let buffer: UnsafeMutableRawBufferPointer
  var offset = 0

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<(offset + bytes.count)]).copyMemory(from: bytes)
    offset += bytes.count
  }

  mutating func appendBigEndian(_ value: UInt32) {
    append([UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
  }

  /// Writes length and type; returns where the CRC'd part (type + data) starts.
  mutating func beginChunk(length: Int, type: UInt32) -> Int {
    appendBigEndian(UInt32(length))
    let start = offset
    appendBigEndian(type)
    return start
  }

  /// Appends the CRC of the chunk type and data (§5.3).
  mutating func endChunk(startingAt start: Int) {
    var crc = CRC32()
    crc.update(UnsafeRawBufferPointer(rebasing: buffer[start..<offset]))
    appendBigEndian(crc.value)
  }
}
