import ADBWire
import NIOCore
import Testing

@testable import ADB

/// `USBPacketLink` against a fake pipe: how packets are cut into bulk transfers and read back
/// (AOSP `docs/dev/zero_length_packet.md`, `ADB-PROTOCOL.md` §3).
@Suite struct USBPacketLinkTests {
  // MARK: - Sending

  @Test func sendsTheHeaderAndThePayloadAsSeparateTransfers() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    try await link.send(
      ADBPacket(.write, arg0: 1, arg1: 2, payload: "hello"), checksumVersion: ADBProtocol.currentVersion)
    try await link.send(ADBPacket(.okay, arg0: 1, arg1: 2), checksumVersion: ADBProtocol.currentVersion)

    let writes = pipe.writes
    #expect(writes.map(\.count) == [24, 5, 24])
    #expect(writes[1] == Array("hello".utf8))
    var header = ByteBuffer(bytes: writes[0])
    let decoded = try ADBPacket.Header.read(from: &header, maxPayload: ADBProtocol.maxPayload)
    #expect(decoded?.command == .write && decoded?.dataLength == 5)
  }

  @Test(arguments: [
    (payload: 512, maxPacket: 512, zeroLengthPacket: true),
    (payload: 1024, maxPacket: 512, zeroLengthPacket: true),
    (payload: 65536, maxPacket: 512, zeroLengthPacket: true),
    (payload: 64, maxPacket: 64, zeroLengthPacket: true),
    (payload: 2048, maxPacket: 1024, zeroLengthPacket: true),
    (payload: 512, maxPacket: 1024, zeroLengthPacket: false),
    (payload: 100, maxPacket: 512, zeroLengthPacket: false),
    (payload: 513, maxPacket: 512, zeroLengthPacket: false),
    (payload: 0, maxPacket: 512, zeroLengthPacket: false),
  ])
  func followsAPayloadOfAMultipleOfMaxPacketSizeWithAZeroLengthPacket(
    payload: Int, maxPacket: Int, zeroLengthPacket: Bool
  ) async throws {
    let pipe = FakeBulkPipe(maxPacketSize: maxPacket)
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    let packet = ADBPacket(.write, arg0: 1, arg1: 2, payload: ByteBuffer(repeating: 0x61, count: payload))
    try await link.send(packet, checksumVersion: ADBProtocol.currentVersion)

    var expected = [24]
    if payload > 0 { expected.append(payload) }
    if zeroLengthPacket { expected.append(0) }
    #expect(pipe.writes.map(\.count) == expected)
  }

  @Test func neverInterleavesPacketsOfConcurrentSenders() async throws {
    let pipe = FakeBulkPipe(writeDelay: .microseconds(200))
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    let sizes = (0..<40).map { [0, 7, 512, 1000, 4096][$0 % 5] }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, size) in sizes.enumerated() {
        group.addTask {
          let payload = ByteBuffer(repeating: UInt8(index), count: size)
          try await link.send(
            ADBPacket(.write, arg0: UInt32(index), arg1: 0, payload: payload), checksumVersion: ADBProtocol.versionMin)
        }
      }
      try await group.waitForAll()
    }

    // Replayed as adbd reads them: header, payload transfer(s), a ZLP after multiples of 512.
    var writes = pipe.writes[...]
    var seen: Set<UInt32> = []
    while let first = writes.popFirst() {
      var bytes = ByteBuffer(bytes: first)
      let decoded = try ADBPacket.Header.read(from: &bytes, maxPayload: ADBProtocol.maxPayload)
      let header = try #require(decoded)
      #expect(first.count == 24)
      let length = Int(header.dataLength)
      if length > 0 {
        let next = writes.popFirst()
        let payload = try #require(next)
        #expect(payload == [UInt8](repeating: UInt8(header.arg0), count: length))
        #expect(ADBPacket.checksum(of: ByteBuffer(bytes: payload)) == header.dataCheck)
      }
      if length > 0 && length % 512 == 0 {
        let zeroLengthPacket = writes.popFirst()
        #expect(zeroLengthPacket == [])
      }
      seen.insert(header.arg0)
    }
    #expect(seen == Set(0..<40))
  }

  @Test func failsToSendOnceClosed() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    link.close()
    await #expect(throws: ADBError.self) {
      try await link.send(ADBPacket(.okay, arg0: 1, arg1: 2), checksumVersion: ADBProtocol.currentVersion)
    }
  }

  // MARK: - Receiving

  @Test func readsTheHeaderThenThePayloadRoundedUpToMaxPacketSize() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    let packet = ADBPacket(.write, arg0: 3, arg1: 4, payload: ByteBuffer(repeating: 0x62, count: 1000))
    pipe.deviceSends(packet)

    var packets = link.inbound.makeAsyncIterator()
    #expect(try await packets.next() == packet)
    // 512 for the header (never 24: a longer transfer would overflow), 1024 for 1000 bytes.
    #expect(pipe.readLengths.prefix(2) == [512, 1024])
  }

  @Test(arguments: [1, 511, 512, 16 * 1024, 40_000, 65_536, ADBProtocol.maxPayload])
  func decodesPayloadsOfEverySize(_ size: Int) async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    let payload = ByteBuffer(bytes: (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    let first = ADBPacket(.write, arg0: 5, arg1: 6, payload: payload)
    let second = ADBPacket(.okay, arg0: 5, arg1: 6)
    pipe.deviceSends(first)
    pipe.deviceSends(second)

    var packets = link.inbound.makeAsyncIterator()
    #expect(try await packets.next() == first)
    #expect(try await packets.next() == second)
  }

  @Test func discardsStrayTransfersUntilAValidHeader() throws {
    let pipe = FakeBulkPipe()
    let packet = ADBPacket(.okay, arg0: 7, arg1: 8)
    var badMagic = ByteBuffer()
    packet.writeHeader(to: &badMagic, version: ADBProtocol.currentVersion)
    badMagic.setInteger(UInt32(0x1234_5678), at: 20, endianness: .little)
    // Stale payload from an earlier session, a header with a bad magic, a runt, then the packet.
    pipe.deviceWrites([UInt8](repeating: 0xEE, count: 512), Array(badMagic.readableBytesView), [1, 2, 3])
    pipe.deviceSends(packet)

    var reader = USBPacketReader(pipe: pipe)
    #expect(try reader.next() == packet)
    #expect(reader.discardedTransfers == 3)
  }

  @Test func failsOnAHeaderThatDeclaresTooLargeAPayload() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    var header = ByteBuffer()
    ADBPacket(.write, arg0: 1, arg1: 2).writeHeader(to: &header, version: ADBProtocol.currentVersion)
    header.setInteger(UInt32(ADBProtocol.maxPayload + 1), at: 12, endianness: .little)
    pipe.deviceWrites(Array(header.readableBytesView))

    await #expect(throws: ADBWireError.self) {
      for try await _ in link.inbound {}
    }
  }

  @Test func failsWhenAPayloadTransferBringsMoreThanDeclared() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    defer { link.close() }
    var header = ByteBuffer()
    ADBPacket(.write, arg0: 1, arg1: 2, payload: ByteBuffer(repeating: 0, count: 100))
      .writeHeader(to: &header, version: ADBProtocol.currentVersion)
    pipe.deviceWrites(Array(header.readableBytesView), [UInt8](repeating: 0, count: 200))

    let error = await #expect(throws: ADBError.self) {
      for try await _ in link.inbound {}
    }
    #expect(error?.code == .protocolError)
  }

  // MARK: - Closing

  @Test func endsInboundWithConnectionLostWhenThePhoneIsUnplugged() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    pipe.deviceSends(ADBPacket(.okay, arg0: 1, arg1: 2))
    var packets = link.inbound.makeAsyncIterator()
    _ = try await packets.next()
    pipe.fail(with: ADBError(.connectionLost, "usb:9-1 was unplugged"))

    let error = await #expect(throws: ADBError.self) { _ = try await packets.next() }
    #expect(error?.code == .connectionLost)
    try await waitUntil { pipe.closes == 1 }
    let sendError = await #expect(throws: ADBError.self) {
      try await link.send(ADBPacket(.okay, arg0: 1, arg1: 2), checksumVersion: ADBProtocol.currentVersion)
    }
    #expect(sendError?.code == .connectionLost)
  }

  @Test func closeEndsInboundQuietlyAndReleasesTheInterfaceOnce() async throws {
    let pipe = FakeBulkPipe()
    let link = USBPacketLink(pipe: pipe)
    link.close()
    link.close()
    for try await _ in link.inbound { Issue.record("no packet was sent") }
    try await waitUntil { pipe.closes == 1 }
    try await Task.sleep(for: .milliseconds(50))
    #expect(pipe.closes == 1)
  }

  /// Polls `condition` for up to 2 s.
  private func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<200 where !condition() {
      try await Task.sleep(for: .milliseconds(10))
    }
    #expect(condition())
  }
}
