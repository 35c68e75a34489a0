import NIOCore
import Testing

@testable import ADBWire

// Helpers shared by the ADBWire suites. Vectors are spelled out byte by byte in each suite;
// `ascii` only saves typing the four-letter ids and the text parts of a record.

/// The bytes of `text` as the wire carries them (UTF-8, no terminator).
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

extension ByteBuffer {
  /// The readable bytes, for comparing with a vector.
  var bytes: [UInt8] { Array(readableBytesView) }
}

/// A buffer holding `bytes` whose reader index is not 0, so a decoder that assumes index 0
/// (instead of `readerIndex`) fails its test.
func offsetBuffer(_ bytes: [UInt8]) -> ByteBuffer {
  var buffer = ByteBuffer(bytes: [0xEE, 0xEE, 0xEE] + bytes)
  buffer.moveReaderIndex(forwardBy: 3)
  return buffer
}

/// Expects `body` to throw an ``ADBWireError`` with `code`.
func expectWireError<Value>(
  _ code: ADBWireError.Code, sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () throws(ADBWireError) -> Value
) {
  do {
    let result = try body()
    Issue.record("expected \(code), got \(result)", sourceLocation: sourceLocation)
  } catch {
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
  }
}

/// Expects `read` to decode `bytes` into exactly `expected`, consuming every byte.
func expectDecodes<Value: Equatable>(
  _ bytes: [UInt8], to expected: Value, sourceLocation: SourceLocation = #_sourceLocation,
  _ read: (inout ByteBuffer) throws(ADBWireError) -> Value?
) {
  var buffer = offsetBuffer(bytes)
  do {
    let value = try read(&buffer)
    #expect(value == expected, sourceLocation: sourceLocation)
    #expect(buffer.readableBytes == 0, "left \(buffer.readableBytes) bytes", sourceLocation: sourceLocation)
  } catch {
    Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
  }
}

/// Expects `read` to return nil, consuming nothing, on every strict prefix of a valid record
/// (STYLE.md §2.4: "parsers return nil for need-more-bytes, rewinding the reader index").
func expectNilOnEveryStrictPrefix<Value>(
  of bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation,
  _ read: (inout ByteBuffer) throws(ADBWireError) -> Value?
) {
  for length in 0..<bytes.count {
    var buffer = offsetBuffer(Array(bytes.prefix(length)))
    let before = buffer
    do {
      if let value = try read(&buffer) {
        Issue.record("prefix of \(length)/\(bytes.count) bytes decoded to \(value)", sourceLocation: sourceLocation)
      }
    } catch {
      Issue.record("prefix of \(length)/\(bytes.count) bytes threw \(error)", sourceLocation: sourceLocation)
    }
    #expect(
      buffer == before && buffer.readerIndex == before.readerIndex,
      "prefix of \(length) bytes consumed input", sourceLocation: sourceLocation)
  }
}
