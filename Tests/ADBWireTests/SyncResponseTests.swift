import NIOCore
import Testing

@testable import ADBWire

/// Device-to-host sync records (`file_sync_protocol.h`); `DONE` differs in size per request.
@Suite struct SyncResponseTests {
  typealias Context = SyncResponse.Context

  /// mode 0o100644 = 0x81a4, size 1024, mtime 1700000000 = 0x6553f100.
  static let statV1Fields: [UInt8] = [0xa4, 0x81, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xf1, 0x53, 0x65]
  static let statV1 = SyncStatV1(mode: 0o100644, size: 1024, mtime: 1_700_000_000)

  /// The 68 bytes after the id, in the order error, dev, ino, mode, nlink, uid, gid, size, atime,
  /// mtime, ctime (packed `sync_stat_v2`).
  static let statV2Fields: [UInt8] =
    [0x00, 0x00, 0x00, 0x00]  // error 0
    + [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]  // dev 0x0102030405060708
    + [0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11]  // ino 0x1112131415161718
    + [0xa4, 0x81, 0x00, 0x00]  // mode 0o100644
    + [0x01, 0x00, 0x00, 0x00]  // nlink 1
    + [0xe8, 0x03, 0x00, 0x00]  // uid 1000 (system)
    + [0xf7, 0x03, 0x00, 0x00]  // gid 1015 (sdcard_rw)
    + [0x28, 0x27, 0x26, 0x25, 0x24, 0x23, 0x22, 0x21]  // size 0x2122232425262728
    + [0x00, 0xf1, 0x53, 0x65, 0x00, 0x00, 0x00, 0x00]  // atime 1700000000
    + [0x01, 0xf1, 0x53, 0x65, 0x00, 0x00, 0x00, 0x00]  // mtime 1700000001
    + [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]  // ctime -1
  static let statV2 = SyncStatV2(
    error: 0, device: 0x0102_0304_0506_0708, inode: 0x1112_1314_1516_1718, mode: 0o100644, linkCount: 1,
    uid: 1000, gid: 1015, size: 0x2122_2324_2526_2728, atime: 1_700_000_000, mtime: 1_700_000_001, ctime: -1)

  static let failMessage = "open failed: No such file or directory"  // 38 = 0x26 bytes
  static let allContexts: [Context] = [.stat, .stat2, .list, .list2, .receive, .send]

  static let vectors: [(Context, SyncResponse, [UInt8])] =
    [
      (.stat, .stat(statV1), ascii("STAT") + statV1Fields),
      (.stat, .stat(SyncStatV1(mode: 0, size: 0, mtime: 0)), ascii("STAT") + [UInt8](repeating: 0, count: 12)),
      (.stat2, .stat2(id: .stat2, statV2), ascii("STA2") + statV2Fields),
      // ENOENT (2): every other field zero.
      (
        .stat2, .stat2(id: .lstat2, .failure(errno: 2)),
        ascii("LST2") + [0x02, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 64)
      ),
      (.list, .dent(name: "foo", statV1), ascii("DENT") + statV1Fields + [0x03, 0x00, 0x00, 0x00] + ascii("foo")),
      (.list, .dent(name: "", statV1), ascii("DENT") + statV1Fields + [0x00, 0x00, 0x00, 0x00]),
      (.list2, .dent2(name: "bar", statV2), ascii("DNT2") + statV2Fields + [0x03, 0x00, 0x00, 0x00] + ascii("bar")),
      // DONE ends a listing with a record as large as an entry header: 20 and 76 bytes.
      (.list, .done, ascii("DONE") + [UInt8](repeating: 0, count: 16)),
      (.list2, .done, ascii("DONE") + [UInt8](repeating: 0, count: 72)),
      // ... and a pull with an 8-byte {DONE, 0}.
      (.receive, .done, ascii("DONE") + [0x00, 0x00, 0x00, 0x00]),
      (.receive, .data(ByteBuffer(string: "chunk")), ascii("DATA") + [0x05, 0x00, 0x00, 0x00] + ascii("chunk")),
      (.send, .okay, ascii("OKAY") + [0x00, 0x00, 0x00, 0x00]),
    ]
    + allContexts.map { context in
      (context, .fail(message: failMessage), ascii("FAIL") + [0x26, 0x00, 0x00, 0x00] + ascii(failMessage))
    }

  @Test func recordSizesMatchTheProtocol() {
    #expect(SyncResponse.dentHeaderSize == 20)
    #expect(SyncResponse.dent2HeaderSize == 76)
    #expect(4 + SyncStatV2.fieldsSize == 72)
    #expect(4 + SyncStatV1.fieldsSize == 16)
  }

  @Test(arguments: vectors)
  func encodes(context: Context, response: SyncResponse, bytes: [UInt8]) {
    var buffer = ByteBuffer()
    response.write(to: &buffer, context: context)
    #expect(buffer.bytes == bytes)
  }

  @Test(arguments: vectors)
  func decodes(context: Context, response: SyncResponse, bytes: [UInt8]) {
    expectDecodes(bytes, to: response) { (buffer) throws(ADBWireError) in
      try SyncResponse.read(from: &buffer, context: context)
    }
  }

  @Test(arguments: vectors)
  func returnsNilWithoutConsumingOnEveryPrefix(context: Context, response: SyncResponse, bytes: [UInt8]) {
    expectNilOnEveryStrictPrefix(of: bytes) { (buffer) throws(ADBWireError) in
      try SyncResponse.read(from: &buffer, context: context)
    }
  }

  // adbd replies OKAY to a push with a length adb ignores.
  @Test func ignoresOkayLength() throws {
    var buffer = ByteBuffer(bytes: ascii("OKAY") + [0x05, 0x00, 0x00, 0x00])
    #expect(try SyncResponse.read(from: &buffer, context: .send) == .okay)
    #expect(buffer.readableBytes == 0)
  }

  @Test func decodesAListingInOrder() throws {
    let listing: [SyncResponse] = [
      .dent(name: ".", Self.statV1), .dent(name: "..", Self.statV1), .dent(name: "a", Self.statV1), .done,
    ]
    var buffer = ByteBuffer()
    for record in listing { record.write(to: &buffer, context: .list) }
    for record in listing { #expect(try SyncResponse.read(from: &buffer, context: .list) == record) }
    #expect(buffer.readableBytes == 0)
  }

  // MARK: - Malformed

  static let malformed: [(Context, [UInt8])] = [
    // Ids that cannot answer the request.
    (.list, ascii("STAT") + statV1Fields),
    (.stat, ascii("DENT") + statV1Fields + [0, 0, 0, 0]),
    (.stat, ascii("STA2") + statV2Fields),
    (.stat2, ascii("STAT") + statV1Fields),
    (.list, ascii("DNT2") + statV2Fields + [0, 0, 0, 0]),
    (.list2, ascii("DENT") + statV1Fields + [0, 0, 0, 0]),
    (.stat, ascii("DONE") + [0, 0, 0, 0]),
    (.stat2, ascii("DONE") + [0, 0, 0, 0]),
    (.send, ascii("DONE") + [0, 0, 0, 0]),
    (.send, ascii("DATA") + [0, 0, 0, 0]),
    (.list, ascii("DATA") + [0, 0, 0, 0]),
    (.receive, ascii("OKAY") + [0, 0, 0, 0]),
    (.stat, ascii("OKAY") + [0, 0, 0, 0]),
    (.receive, ascii("QUIT") + [0, 0, 0, 0]),
    (.send, ascii("SEND") + [0, 0, 0, 0]),
    (.stat, [0x00, 0x00, 0x00, 0x00]),
    // Lengths over the limits: DATA 65537, FAIL 65537, names over NAME_MAX.
    (.receive, ascii("DATA") + [0x01, 0x00, 0x01, 0x00]),
    (.stat, ascii("FAIL") + [0x01, 0x00, 0x01, 0x00]),
    (.list, ascii("DENT") + statV1Fields + [0x00, 0x01, 0x00, 0x00]),
    (.list2, ascii("DNT2") + statV2Fields + [0xff, 0xff, 0xff, 0xff]),
  ]

  @Test(arguments: malformed)
  func rejectsRecordNotAllowedInContext(context: Context, bytes: [UInt8]) {
    var buffer = offsetBuffer(bytes)
    expectWireError(.malformedSyncRecord) { () throws(ADBWireError) in
      try SyncResponse.read(from: &buffer, context: context)
    }
  }

  @Test func acceptsLongestNameAndLargestChunk() throws {
    let name = String(repeating: "n", count: 255)
    let chunk = ByteBuffer(repeating: 1, count: 64 * 1024)
    var buffer = ByteBuffer()
    SyncResponse.dent2(name: name, Self.statV2).write(to: &buffer, context: .list2)
    SyncResponse.data(chunk).write(to: &buffer, context: .receive)
    #expect(try SyncResponse.read(from: &buffer, context: .list2) == .dent2(name: name, Self.statV2))
    #expect(try SyncResponse.read(from: &buffer, context: .receive) == .data(chunk))
  }
}
