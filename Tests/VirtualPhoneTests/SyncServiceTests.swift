import ADBWire
import NIOCore
import Testing

@testable import VirtualPhone

@Suite struct SyncServiceTests {
  static func responses(_ output: ByteBuffer, context: SyncResponse.Context) throws -> [SyncResponse] {
    var buffer = output
    var responses: [SyncResponse] = []
    while let response = try SyncResponse.read(from: &buffer, context: context) { responses.append(response) }
    #expect(buffer.readableBytes == 0)
    return responses
  }

  static func request(_ requests: SyncRequest...) -> ByteBuffer {
    var buffer = ByteBuffer()
    for request in requests { request.write(to: &buffer) }
    return buffer
  }

  @Test func send2ThenReceive2RoundTripsAFileLargerThanOneWrite() throws {
    let host = try HostHarness()
    let sync = try #require(try host.open("sync:"))
    let contents = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var push = ByteBuffer()
    SyncRequest.send2(path: "/sdcard/Download/x.bin", mode: 0o644, flags: []).write(to: &push)
    for start in stride(from: 0, to: contents.count, by: SyncLimits.maxDataLength) {
      let end = min(start + SyncLimits.maxDataLength, contents.count)
      SyncRequest.data(ByteBuffer(bytes: contents[start..<end])).write(to: &push)
    }
    SyncRequest.done(mtime: 1_700_000_000).write(to: &push)
    var reply = ByteBuffer()
    while push.readableBytes > 0 {
      let chunk = push.readSlice(length: min(push.readableBytes, 1 << 20))!
      var output = try host.exchange(sync, writing: chunk).output
      reply.writeBuffer(&output)
    }
    #expect(try Self.responses(reply, context: .send) == [.okay])
    let metadata = try host.phone.fileSystem.stat("/sdcard/Download/x.bin")
    #expect(metadata.size == UInt64(contents.count) && metadata.mtime == 1_700_000_000)

    let pulled = try host.exchange(sync, writing: Self.request(.receive2(path: "/sdcard/Download/x.bin", flags: [])))
    var data: [UInt8] = []
    for response in try Self.responses(pulled.output, context: .receive) {
      if case .data(let bytes) = response { data += bytes.readableBytesView }
    }
    #expect(data == contents)
  }

  @Test func statV1AndV2DescribeFilesAndMissingOnes() throws {
    let host = try HostHarness()
    try host.phone.fileSystem.writeFile(
      "/data/local/tmp/a.txt", contents: [1, 2, 3], mode: 0o644, mtime: 42, createParents: false)
    let sync = try #require(try host.open("sync:"))
    let v1 = try host.exchange(sync, writing: Self.request(.stat(path: "/data/local/tmp/a.txt"))).output
    #expect(try Self.responses(v1, context: .stat) == [.stat(SyncStatV1(mode: 0o100644, size: 3, mtime: 42))])
    let missing = try host.exchange(sync, writing: Self.request(.stat(path: "/sdcard/none"))).output
    #expect(try Self.responses(missing, context: .stat) == [.stat(SyncStatV1(mode: 0, size: 0, mtime: 0))])
    let v2 = try host.exchange(sync, writing: Self.request(.lstat2(path: "/sdcard/none"))).output
    #expect(try Self.responses(v2, context: .stat2) == [.stat2(id: .lstat2, .failure(errno: 2))])
  }

  @Test func listingsIncludeDotEntriesAndEndWithDone() throws {
    let host = try HostHarness()
    try host.phone.fileSystem.writeFile("/data/local/tmp/f", contents: [9], mode: 0o600, mtime: 1, createParents: false)
    let sync = try #require(try host.open("sync:"))
    for (request, context) in [
      (SyncRequest.list(path: "/data/local/tmp"), SyncResponse.Context.list), (.list2(path: "/data/local/tmp"), .list2),
    ] {
      let responses = try Self.responses(
        try host.exchange(sync, writing: Self.request(request)).output, context: context)
      let names = responses.compactMap { response -> String? in
        switch response {
        case .dent(let name, _), .dent2(let name, _): name
        default: nil
        }
      }
      #expect(names == [".", "..", "f"])
      #expect(responses.last == .done)
    }
  }

  @Test func compressedTransfersFailCleanly() throws {
    let host = try HostHarness()
    let sync = try #require(try host.open("sync:"))
    let (output, closed) = try host.exchange(
      sync, writing: Self.request(.send2(path: "/sdcard/z", mode: 0o644, flags: .lz4)))
    #expect(closed)
    guard case .fail(let message) = try Self.responses(output, context: .send).first else {
      Issue.record("expected FAIL")
      return
    }
    #expect(message.contains("compression"))
  }

  @Test func pullOfAMissingFileFailsWithStrerror() throws {
    let host = try HostHarness()
    let sync = try #require(try host.open("sync:"))
    let output = try host.exchange(sync, writing: Self.request(.receive(path: "/sdcard/nope"))).output
    #expect(try Self.responses(output, context: .receive) == [.fail(message: "open failed: No such file or directory")])
  }

  @Test func quitClosesTheStream() throws {
    let host = try HostHarness()
    let sync = try #require(try host.open("sync:"))
    #expect(try host.exchange(sync, writing: Self.request(.quit)).closed)
  }
}
