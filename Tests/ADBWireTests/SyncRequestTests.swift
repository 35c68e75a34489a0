import NIOCore
import Testing

@testable import ADBWire

/// Host-to-device sync records (`file_sync_protocol.h`): `{u32 id, u32 length}` + path.
@Suite struct SyncRequestTests {
  static let vectors: [(SyncRequest, [UInt8])] = [
    // "/sdcard/foo" is 11 = 0x0b bytes.
    (.stat(path: "/sdcard/foo"), ascii("STAT") + [0x0b, 0x00, 0x00, 0x00] + ascii("/sdcard/foo")),
    (.stat2(path: "/sdcard/foo"), ascii("STA2") + [0x0b, 0x00, 0x00, 0x00] + ascii("/sdcard/foo")),
    (.lstat2(path: "/sdcard/foo"), ascii("LST2") + [0x0b, 0x00, 0x00, 0x00] + ascii("/sdcard/foo")),
    (.list(path: "/"), ascii("LIST") + [0x01, 0x00, 0x00, 0x00] + ascii("/")),
    (.list2(path: "/data/local/tmp"), ascii("LIS2") + [0x0f, 0x00, 0x00, 0x00] + ascii("/data/local/tmp")),
    (.receive(path: "/sdcard/foo"), ascii("RECV") + [0x0b, 0x00, 0x00, 0x00] + ascii("/sdcard/foo")),
    // "/sdcard/x,33188" (15 bytes): 33188 = 0o100644, a regular file rw-r--r--.
    (.send(path: "/sdcard/x", mode: 33188), ascii("SEND") + [0x0f, 0x00, 0x00, 0x00] + ascii("/sdcard/x,33188")),
    // adbd splits at the last comma: "/sdcard/a,b,33188" (17 = 0x11 bytes).
    (.send(path: "/sdcard/a,b", mode: 33188), ascii("SEND") + [0x11, 0x00, 0x00, 0x00] + ascii("/sdcard/a,b,33188")),
    // SND2 + path, then {SND2, mode 0x81a4, flags 1 = Brotli}.
    (
      .send2(path: "/sdcard/x", mode: 0o100644, flags: .brotli),
      ascii("SND2") + [0x09, 0x00, 0x00, 0x00] + ascii("/sdcard/x")
        + ascii("SND2") + [0xa4, 0x81, 0x00, 0x00] + [0x01, 0x00, 0x00, 0x00]
    ),
    (
      .send2(path: "/x", mode: 0o755, flags: [.zstd, .dryRun]),
      ascii("SND2") + [0x02, 0x00, 0x00, 0x00] + ascii("/x")
        + ascii("SND2") + [0xed, 0x01, 0x00, 0x00] + [0x04, 0x00, 0x00, 0x80]
    ),
    // RCV2 + path, then {RCV2, flags 2 = LZ4}.
    (
      .receive2(path: "/sdcard/x", flags: .lz4),
      ascii("RCV2") + [0x09, 0x00, 0x00, 0x00] + ascii("/sdcard/x") + ascii("RCV2") + [0x02, 0x00, 0x00, 0x00]
    ),
    (.data(ByteBuffer(string: "hello")), ascii("DATA") + [0x05, 0x00, 0x00, 0x00] + ascii("hello")),
    (.data(ByteBuffer()), ascii("DATA") + [0x00, 0x00, 0x00, 0x00]),
    // DONE carries the mtime: 1700000000 = 0x6553f100.
    (.done(mtime: 1_700_000_000), ascii("DONE") + [0x00, 0xf1, 0x53, 0x65]),
    (.quit, ascii("QUIT") + [0x00, 0x00, 0x00, 0x00]),
    (.stat(path: ""), ascii("STAT") + [0x00, 0x00, 0x00, 0x00]),
  ]

  static func read(_ buffer: inout ByteBuffer) throws(ADBWireError) -> SyncRequest? {
    try SyncRequest.read(from: &buffer)
  }

  @Test(arguments: vectors)
  func encodes(request: SyncRequest, bytes: [UInt8]) {
    var buffer = ByteBuffer()
    request.write(to: &buffer)
    #expect(buffer.bytes == bytes)
  }

  @Test(arguments: vectors)
  func decodes(request: SyncRequest, bytes: [UInt8]) {
    expectDecodes(bytes, to: request, Self.read)
  }

  @Test(arguments: vectors)
  func returnsNilWithoutConsumingOnEveryPrefix(request: SyncRequest, bytes: [UInt8]) {
    expectNilOnEveryStrictPrefix(of: bytes, Self.read)
  }

  // AOSP sends SEND+DATA+DONE in one write for small files.
  @Test func decodesAPipelinedPush() throws {
    let push: [SyncRequest] = [
      .send(path: "/sdcard/a", mode: 33188), .data(ByteBuffer(string: "abc")), .done(mtime: 7), .quit,
    ]
    var buffer = ByteBuffer()
    for request in push { request.write(to: &buffer) }
    for request in push { #expect(try SyncRequest.read(from: &buffer) == request) }
    #expect(try SyncRequest.read(from: &buffer) == nil)
  }

  @Test func acceptsLimitsExactly() throws {
    let path = "/" + String(repeating: "p", count: 1023)
    var buffer = ByteBuffer()
    SyncRequest.stat(path: path).write(to: &buffer)
    #expect(try SyncRequest.read(from: &buffer) == .stat(path: path))
    let chunk = ByteBuffer(repeating: 0x5a, count: 64 * 1024)
    SyncRequest.data(chunk).write(to: &buffer)
    #expect(try SyncRequest.read(from: &buffer) == .data(chunk))
  }

  // MARK: - Malformed

  static let malformed: [[UInt8]] = [
    // adbd: "path too long" for 1025 = 0x401 bytes; rejected before the path arrives.
    ascii("STAT") + [0x01, 0x04, 0x00, 0x00],
    ascii("SEND") + [0xff, 0xff, 0xff, 0xff],
    // DATA over SYNC_DATA_MAX: 65537 = 0x10001.
    ascii("DATA") + [0x01, 0x00, 0x01, 0x00],
    // SEND without ",mode", or with a mode that is not a decimal u32.
    ascii("SEND") + [0x09, 0x00, 0x00, 0x00] + ascii("/sdcard/x"),
    ascii("SEND") + [0x05, 0x00, 0x00, 0x00] + ascii("/a,rw"),
    ascii("SEND") + [0x0d, 0x00, 0x00, 0x00] + ascii("/a,4294967296"),
    // Second headers that do not repeat the id.
    ascii("SND2") + [0x02, 0x00, 0x00, 0x00] + ascii("/x") + ascii("RCV2") + [0xa4, 0x81, 0x00, 0x00, 0, 0, 0, 0],
    ascii("RCV2") + [0x02, 0x00, 0x00, 0x00] + ascii("/x") + ascii("SND2") + [0x00, 0x00, 0x00, 0x00],
    // Replies and unknown ids are not requests.
    ascii("DENT") + [0x00, 0x00, 0x00, 0x00],
    ascii("OKAY") + [0x00, 0x00, 0x00, 0x00],
    ascii("FAIL") + [0x00, 0x00, 0x00, 0x00],
    ascii("ULNK") + [0x00, 0x00, 0x00, 0x00],
    [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
  ]

  @Test(arguments: malformed)
  func rejectsMalformedRecord(bytes: [UInt8]) {
    var buffer = offsetBuffer(bytes)
    expectWireError(.malformedSyncRecord) { () throws(ADBWireError) in try SyncRequest.read(from: &buffer) }
  }
}
