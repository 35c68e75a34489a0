import NIOCore
import NIOTestUtils
import Testing

@testable import ADBWire

/// The incremental decoder must yield the same packets however the bytes are split or merged
/// (STYLE.md §2.5; AOSP `apacket_reader` handles split and merged USB transfers).
@Suite struct PacketDecoderTests {
  static let packets = PacketTests.samplePackets

  static var stream: [UInt8] {
    var buffer = ByteBuffer()
    for packet in packets { packet.write(to: &buffer, version: ADBProtocol.versionMin) }
    return buffer.bytes
  }

  /// Feeds `chunks` one after another, draining after each, and returns every packet.
  static func decode(_ chunks: [ArraySlice<UInt8>], verifiesChecksum: Bool = true) throws -> [ADBPacket] {
    var decoder = PacketDecoder(version: ADBProtocol.versionMin, verifiesChecksum: verifiesChecksum)
    var packets: [ADBPacket] = []
    for chunk in chunks {
      decoder.append(chunk)
      while let packet = try decoder.nextPacket() { packets.append(packet) }
    }
    #expect(decoder.bufferedByteCount == 0)
    return packets
  }

  @Test func decodesAllAtOnce() throws {
    #expect(try Self.decode([Self.stream[...]]) == Self.packets)
  }

  @Test func decodesOneByteAtATime() throws {
    let stream = Self.stream
    #expect(try Self.decode(stream.indices.map { stream[$0...$0] }) == Self.packets)
  }

  @Test func decodesHeaderSplitAcrossTransfers() throws {
    let bytes = PacketTests.connectBytes
    var decoder = PacketDecoder()
    decoder.append(bytes[..<10])
    #expect(try decoder.nextPacket() == nil)
    #expect(decoder.bufferedByteCount == 10)
    decoder.append(bytes[10..<24])
    #expect(try decoder.nextPacket() == nil)
    #expect(decoder.bufferedByteCount == 24)
    decoder.append(bytes[24...])
    #expect(try decoder.nextPacket() == ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: "host::\0"))
    #expect(decoder.bufferedByteCount == 0)
  }

  // USB writes the header and the payload as separate transfers (protocol.md).
  @Test func decodesPayloadInSeparateTransfer() throws {
    var decoder = PacketDecoder()
    for packet in Self.packets {
      var header = ByteBuffer()
      packet.writeHeader(to: &header, version: ADBProtocol.currentVersion)
      decoder.append(header)
      if packet.payload.readableBytes > 0 {
        #expect(try decoder.nextPacket() == nil)
        decoder.append(packet.payload)
      }
      #expect(try decoder.nextPacket() == packet)
    }
  }

  @Test(arguments: 1...40 as ClosedRange<UInt64>)
  func decodesRandomSplitsAndMerges(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let stream = Self.stream
    var chunks: [ArraySlice<UInt8>] = []
    var start = 0
    while start < stream.count {
      // Mostly small pieces, sometimes several packets merged into one read.
      let size =
        Bool.random(using: &random) ? Int.random(in: 1...30, using: &random) : Int.random(in: 1...3000, using: &random)
      let end = min(stream.count, start + size)
      chunks.append(stream[start..<end])
      start = end
    }
    #expect(try Self.decode(chunks) == Self.packets, "seed \(seed)")
  }

  @Test func appendsByteBuffers() throws {
    var decoder = PacketDecoder()
    var first = ByteBuffer(bytes: Self.stream)
    let rest = first.readSlice(length: 30)!
    decoder.append(rest)
    decoder.append(first)
    var decoded: [ADBPacket] = []
    while let packet = try decoder.nextPacket() { decoded.append(packet) }
    #expect(decoded == Self.packets)
  }

  @Test func honoursMaxPayloadChangedAfterConnect() throws {
    var decoder = PacketDecoder()
    decoder.maxPayload = ADBProtocol.maxPayloadV1
    var buffer = ByteBuffer()
    ADBPacket(.write, arg0: 1, arg1: 2, payload: ByteBuffer(repeating: 7, count: 4097))
      .write(to: &buffer, version: ADBProtocol.currentVersion)
    decoder.append(buffer)
    expectWireError(.payloadTooLarge) { () throws(ADBWireError) in try decoder.nextPacket() }
  }

  // MARK: - ADBPacketByteDecoder

  @Test func byteDecoderPassesNIOVerifierDripFeeding() throws {
    var pairs: [(ByteBuffer, [ADBPacket])] = Self.packets.map { packet in
      var buffer = ByteBuffer()
      packet.write(to: &buffer, version: ADBProtocol.currentVersion)
      return (buffer, [packet])
    }
    // Several packets merged into one read.
    pairs.append((ByteBuffer(bytes: Self.stream), Self.packets))
    try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { ADBPacketByteDecoder() }
  }

  @Test func byteDecoderRejectsBadMagicAndOversizedPayload() {
    var decoder = ADBPacketByteDecoder()
    var badMagic = ByteBuffer(bytes: PacketTests.badChecksumWrite.prefix(20) + [0, 0, 0, 0])
    let magicError = #expect(throws: ADBWireError.self) { try decoder.decode(buffer: &badMagic) }
    #expect(magicError?.code == .badMagic)
    var small = ADBPacketByteDecoder(maxPayload: ADBProtocol.maxPayloadV1)
    var oversized = ByteBuffer(bytes: PacketTests.oversizedWriteHeader)
    let sizeError = #expect(throws: ADBWireError.self) { try small.decode(buffer: &oversized) }
    #expect(sizeError?.code == .payloadTooLarge)
  }

  @Test func byteDecoderIgnoresChecksum() throws {
    var decoder = ADBPacketByteDecoder()
    var buffer = ByteBuffer(bytes: PacketTests.badChecksumWrite)
    #expect(try decoder.decode(buffer: &buffer) == ADBPacket(.write, arg0: 1, arg1: 2, payload: "abc"))
    #expect(try decoder.decodeLast(buffer: &buffer, seenEOF: true) == nil)
  }
}
