import NIOCore
import Testing

@testable import ADBWire

@Suite struct PacketTests {
  // CNXN(0x01000001, 4096, "host::\0") as AOSP writes it at version 0x01000000: the byte sum
  // of "host::\0" is 0x68+0x6f+0x73+0x74+0x3a+0x3a = 0x232.
  static let connectBytes: [UInt8] =
    [0x43, 0x4e, 0x58, 0x4e, 0x01, 0x00, 0x00, 0x01, 0x00, 0x10, 0x00, 0x00]
    + [0x07, 0x00, 0x00, 0x00, 0x32, 0x02, 0x00, 0x00, 0xbc, 0xb1, 0xa7, 0xb1]
    + Array("host::\0".utf8)

  /// arg0 = 0x11223344 and arg1 = 0x55667788, little-endian; then data_length 0, data_check 0.
  static let argumentsAndEmptyPayload: [UInt8] = [
    0x44, 0x33, 0x22, 0x11, 0x88, 0x77, 0x66, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  ]

  /// Every command: its name as four ASCII bytes, then (after the fixed middle) the magic, which
  /// is each of those bytes inverted (`magic = command ^ 0xFFFFFFFF`, protocol.md).
  static let commandVectors: [(ADBCommand, name: [UInt8], magic: [UInt8])] = [
    (.connect, [0x43, 0x4e, 0x58, 0x4e], [0xbc, 0xb1, 0xa7, 0xb1]),  // CNXN
    (.auth, [0x41, 0x55, 0x54, 0x48], [0xbe, 0xaa, 0xab, 0xb7]),  // AUTH
    (.open, [0x4f, 0x50, 0x45, 0x4e], [0xb0, 0xaf, 0xba, 0xb1]),  // OPEN
    (.okay, [0x4f, 0x4b, 0x41, 0x59], [0xb0, 0xb4, 0xbe, 0xa6]),  // OKAY
    (.close, [0x43, 0x4c, 0x53, 0x45], [0xbc, 0xb3, 0xac, 0xba]),  // CLSE
    (.write, [0x57, 0x52, 0x54, 0x45], [0xa8, 0xad, 0xab, 0xba]),  // WRTE
    (.startTLS, [0x53, 0x54, 0x4c, 0x53], [0xac, 0xab, 0xb3, 0xac]),  // STLS
    (.sync, [0x53, 0x59, 0x4e, 0x43], [0xac, 0xa6, 0xb1, 0xbc]),  // SYNC
  ]

  @Test func knownListsEveryCommand() {
    #expect(Set(ADBCommand.known) == Set(Self.commandVectors.map(\.0)))
  }

  @Test(arguments: commandVectors)
  func encodesHeaderOfEveryCommand(command: ADBCommand, name: [UInt8], magic: [UInt8]) {
    var buffer = ByteBuffer()
    ADBPacket(command, arg0: 0x1122_3344, arg1: 0x5566_7788).write(to: &buffer, version: ADBProtocol.versionMin)
    #expect(buffer.bytes == name + Self.argumentsAndEmptyPayload + magic)
    #expect(command.description == String(decoding: name, as: UTF8.self))
  }

  @Test(arguments: commandVectors)
  func decodesHeaderOfEveryCommand(command: ADBCommand, name: [UInt8], magic: [UInt8]) throws {
    var buffer = offsetBuffer(name + Self.argumentsAndEmptyPayload + magic)
    let header = try #require(try ADBPacket.Header.read(from: &buffer, maxPayload: 0))
    #expect(header.command == command)
    #expect(header.arg0 == 0x1122_3344 && header.arg1 == 0x5566_7788)
    #expect(header.dataLength == 0 && header.dataCheck == 0)
    #expect(header.magic == command.rawValue ^ 0xFFFF_FFFF)
    #expect(buffer.readableBytes == 0)
  }

  @Test func encodesConnectWithChecksumBeforeNegotiation() {
    let packet = ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: "host::\0")
    var buffer = ByteBuffer()
    packet.write(to: &buffer, version: ADBProtocol.versionMin)
    #expect(Array(buffer.readableBytesView) == Self.connectBytes)
  }

  @Test func omitsChecksumFromSkipChecksumVersion() {
    let packet = ADBPacket(.write, arg0: 1, arg1: 2, payload: "abc")
    var buffer = ByteBuffer()
    packet.write(to: &buffer, version: ADBProtocol.versionSkipChecksum)
    #expect(buffer.getInteger(at: 16, endianness: .little, as: UInt32.self) == 0)
  }

  // WRTE(1, 2, "abc"): "abc" sums to 0x61+0x62+0x63 = 0x126. AOSP computes the sum while the
  // version is below 0x01000001 and sends 0 from it on (protocol.md, "skip checksum").
  static let checksumByVersion: [(version: UInt32, check: [UInt8])] = [
    (0x0000_0001, [0x26, 0x01, 0x00, 0x00]),
    (0x0100_0000, [0x26, 0x01, 0x00, 0x00]),
    (0x0100_0001, [0x00, 0x00, 0x00, 0x00]),
    (0x0100_0002, [0x00, 0x00, 0x00, 0x00]),
  ]

  @Test(arguments: checksumByVersion)
  func computesChecksumOnlyBelowSkipChecksumVersion(version: UInt32, check: [UInt8]) {
    var buffer = ByteBuffer()
    ADBPacket(.write, arg0: 1, arg1: 2, payload: "abc").write(to: &buffer, version: version)
    let expected: [UInt8] =
      [0x57, 0x52, 0x54, 0x45, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00]
      + check + [0xa8, 0xad, 0xab, 0xba, 0x61, 0x62, 0x63]
    #expect(buffer.bytes == expected)
  }

  @Test func checksumIsTheUnsignedByteSumNotACRC() {
    // 300 bytes of 0xFF sum to 76500 = 0x12AD4; a CRC32 would differ.
    #expect(ADBPacket.checksum(of: ByteBuffer(repeating: 0xFF, count: 300)) == 0x0001_2AD4)
    #expect(ADBPacket.checksum(of: ByteBuffer()) == 0)
  }

  @Test func writeHeaderWritesOnlyTheHeader() {
    var buffer = ByteBuffer()
    ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: "host::\0")
      .writeHeader(to: &buffer, version: ADBProtocol.versionMin)
    #expect(buffer.bytes == Array(Self.connectBytes.prefix(24)))
  }

  // MARK: - Header validation (AOSP check_header)

  @Test func rejectsBadMagic() {
    var corrupted = Self.connectBytes
    corrupted[23] ^= 0x01
    var buffer = offsetBuffer(corrupted)
    expectWireError(.badMagic) { () throws(ADBWireError) in try ADBPacket.Header.read(from: &buffer, maxPayload: 4096) }
    // A magic equal to the command (not inverted) is just as wrong.
    var same = Self.connectBytes
    same.replaceSubrange(20..<24, with: [0x43, 0x4e, 0x58, 0x4e])
    var decoder = PacketDecoder()
    decoder.append(same)
    expectWireError(.badMagic) { () throws(ADBWireError) in try decoder.nextPacket() }
  }

  // WRTE(1, 2) declaring 4097 = 0x1001 payload bytes; nothing of the payload has arrived.
  static let oversizedWriteHeader: [UInt8] = [
    0x57, 0x52, 0x54, 0x45, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
    0x01, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xa8, 0xad, 0xab, 0xba,
  ]

  @Test func rejectsDataLengthOverMaxPayloadBeforeThePayloadArrives() throws {
    var buffer = offsetBuffer(Self.oversizedWriteHeader)
    expectWireError(.payloadTooLarge) { () throws(ADBWireError) in
      try ADBPacket.Header.read(from: &buffer, maxPayload: 4096)
    }
    var atLimit = offsetBuffer(Self.oversizedWriteHeader)
    let header = try #require(try ADBPacket.Header.read(from: &atLimit, maxPayload: 4097))
    #expect(header.dataLength == 4097)
    var decoder = PacketDecoder(maxPayload: ADBProtocol.maxPayloadV1)
    decoder.append(Self.oversizedWriteHeader)
    expectWireError(.payloadTooLarge) { () throws(ADBWireError) in try decoder.nextPacket() }
  }

  @Test func headerReadReturnsNilAndConsumesNothingBelow24Bytes() {
    expectNilOnEveryStrictPrefix(of: Array(Self.connectBytes.prefix(24))) { (buffer) throws(ADBWireError) in
      try ADBPacket.Header.read(from: &buffer, maxPayload: 4096)
    }
  }

  // MARK: - Checksum verification

  /// WRTE(1, 2, "abc") with data_check 0x127 instead of 0x126.
  static let badChecksumWrite: [UInt8] = [
    0x57, 0x52, 0x54, 0x45, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
    0x03, 0x00, 0x00, 0x00, 0x27, 0x01, 0x00, 0x00, 0xa8, 0xad, 0xab, 0xba, 0x61, 0x62, 0x63,
  ]

  @Test func verifiesChecksumOnOldVersionWhenAsked() {
    var decoder = PacketDecoder(version: ADBProtocol.versionMin, verifiesChecksum: true)
    decoder.append(Self.badChecksumWrite)
    expectWireError(.checksumMismatch) { () throws(ADBWireError) in try decoder.nextPacket() }
  }

  @Test(arguments: [
    (ADBProtocol.versionMin, false), (ADBProtocol.versionSkipChecksum, true), (ADBProtocol.versionSkipChecksum, false),
  ])
  func ignoresChecksumUnlessVerifyingAnOldVersion(version: UInt32, verifies: Bool) throws {
    var decoder = PacketDecoder(version: version, verifiesChecksum: verifies)
    decoder.append(Self.badChecksumWrite)
    let packet = try #require(try decoder.nextPacket())
    #expect(packet == ADBPacket(.write, arg0: 1, arg1: 2, payload: "abc"))
  }

  @Test func acceptsCorrectChecksumWhenVerifying() throws {
    var decoder = PacketDecoder(version: ADBProtocol.versionMin, verifiesChecksum: true)
    decoder.append(Self.connectBytes)
    let packet = try #require(try decoder.nextPacket())
    #expect(packet == ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: "host::\0"))
  }

  // MARK: - Round trips

  static let samplePackets: [ADBPacket] = [
    ADBPacket(.connect, arg0: ADBProtocol.currentVersion, arg1: UInt32(ADBProtocol.maxPayload), payload: "host::\0"),
    ADBPacket(.auth, arg0: AuthType.token.rawValue, arg1: 0, payload: ByteBuffer(bytes: Array(0..<20))),
    ADBPacket(.open, arg0: 1, arg1: 0, payload: "shell,v2,raw:ls -l\0"),
    ADBPacket(.okay, arg0: 0x1234, arg1: 1),
    ADBPacket(.write, arg0: 1, arg1: 0x1234, payload: ByteBuffer(bytes: (0..<1000).map { UInt8($0 % 251) })),
    ADBPacket(.write, arg0: 1, arg1: 0x1234),
    ADBPacket(.close, arg0: 0, arg1: 1),
    ADBPacket(.startTLS, arg0: ADBProtocol.versionMin, arg1: 0),
    ADBPacket(ADBCommand(rawValue: 0xDEAD_BEEF), arg0: .max, arg1: .max, payload: "unknown commands still frame"),
  ]

  @Test(arguments: samplePackets, [ADBProtocol.versionMin, ADBProtocol.versionSkipChecksum])
  func roundTripsThroughPacketDecoder(packet: ADBPacket, version: UInt32) throws {
    var buffer = ByteBuffer()
    packet.write(to: &buffer, version: version)
    #expect(buffer.readableBytes == ADBProtocol.headerSize + packet.payload.readableBytes)
    var decoder = PacketDecoder(version: version, verifiesChecksum: true)
    decoder.append(buffer)
    #expect(try decoder.nextPacket() == packet)
    #expect(try decoder.nextPacket() == nil)
    #expect(decoder.bufferedByteCount == 0)
  }
}
