import ChildProcess
import Foundation

/// Decodes a PNG with an independent implementation, Python's `zlib`: checks the signature,
/// every chunk's CRC, inflates IDAT and checks its length against IHDR.
public enum PNGCheck {
  public struct Image {
    public var width: Int
    public var height: Int
  }

  static let script = """
    import struct, sys, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'bad signature'
    pos, idat, ihdr = 8, b'', None
    while pos < len(data):
        length, = struct.unpack('>I', data[pos:pos+4]); kind = data[pos+4:pos+8]
        body = data[pos+8:pos+8+length]; crc, = struct.unpack('>I', data[pos+8+length:pos+12+length])
        assert zlib.crc32(kind + body) & 0xffffffff == crc, 'bad CRC in ' + kind.decode()
        if kind == b'IHDR': ihdr = struct.unpack('>IIBBBBB', body)
        if kind == b'IDAT': idat += body
        pos += 12 + length
        if kind == b'IEND': break
    w, h, depth, color = ihdr[0], ihdr[1], ihdr[2], ihdr[3]
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    raw = zlib.decompress(idat)
    assert len(raw) == h * (1 + w * channels * depth // 8), 'pixel data has %d bytes' % len(raw)
    print(w, h)
    """

  /// The image's size; throws with Python's message when the PNG does not decode.
  public static func decode(_ png: Data) async throws -> Image {
    let directory = try makeTemporaryDirectory("png")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("image.png")
    try png.write(to: file)
    guard let python = ChildProcess.find("python3") else { throw AdbFailure("python3 is needed to decode PNG") }
    let result = try await ChildProcess.run(python, ["-c", script, file.path], timeout: .seconds(60))
    let words = result.standardOutput.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    guard result.status == 0, words.count == 2 else {
      throw AdbFailure("PNG does not decode: \(result.standardError)")
    }
    return Image(width: words[0], height: words[1])
  }
}
