import NIOCore
import Testing

@testable import ADBWire

/// Random bytes and mutated valid records through every decoder: no crash, no hang, only the
/// error codes each decoder documents, and valid records still decode to their values.
///
/// Inputs are seeded (`Fuzz.seed`, overridable with `ADBWIRE_FUZZ_SEED`); a failure prints the
/// seed and the iteration that reproduce it.
@Suite(.timeLimit(.minutes(2))) struct FuzzTests {
  static let iterations = 100_000

  // MARK: - Device packets

  static let packets = FuzzTarget<ADBPacket>(
    name: "PacketDecoder",
    corpus: [
      ADBPacket(.connect, arg0: ADBProtocol.versionSkipChecksum, arg1: 4096, payload: "host::features=shell_v2\0"),
      ADBPacket(.auth, arg0: AuthType.token.rawValue, arg1: 0, payload: ByteBuffer(bytes: Array(100..<120))),
      ADBPacket(.open, arg0: 1, arg1: 0, payload: "shell:ls\0"),
      ADBPacket(.okay, arg0: 7, arg1: 1),
      ADBPacket(.write, arg0: 1, arg1: 7, payload: "abc"),
      ADBPacket(.write, arg0: 1, arg1: 7, payload: ByteBuffer(bytes: (0..<200).map { UInt8($0) })),
      ADBPacket(.close, arg0: 7, arg1: 1),
      ADBPacket(.startTLS, arg0: ADBProtocol.versionMin, arg1: 0),
    ].map { packet in
      var buffer = ByteBuffer()
      packet.write(to: &buffer, version: ADBProtocol.versionMin)
      return (buffer.bytes, packet)
    },
    lengthOffsets: [12, 16, 20])

  /// Decodes `input` with a fresh decoder, fed in random pieces of 1 to 64 bytes when `random`
  /// is given, all at once otherwise.
  static func decodePackets(_ input: [UInt8], verifiesChecksum: Bool, random: inout SplitMix64?)
    -> (values: [ADBPacket], error: ADBWireError?, failure: String?)
  {
    var decoder = PacketDecoder(
      maxPayload: ADBProtocol.maxPayloadV1, version: ADBProtocol.versionMin, verifiesChecksum: verifiesChecksum)
    var packets: [ADBPacket] = []
    var consumed = 0
    var start = 0
    while start < input.count {
      var size = input.count
      if var generator = random {
        size = generator.chance(1, in: 4) ? 1 : 1 + generator.below(64)
        random = generator
      }
      decoder.append(input[start..<min(input.count, start + size)])
      start += size
      // A packet is at least 24 bytes: more iterations than this would mean no progress.
      for _ in 0...(input.count / ADBProtocol.headerSize + 1) {
        do {
          guard let packet = try decoder.nextPacket() else { break }
          packets.append(packet)
          consumed += ADBProtocol.headerSize + packet.payload.readableBytes
        } catch {
          let expected: Set<ADBWireError.Code> = [.badMagic, .payloadTooLarge, .checksumMismatch]
          return (packets, error, expected.contains(error.code) ? nil : "threw unexpected \(error)")
        }
      }
    }
    let buffered = decoder.bufferedByteCount
    return (
      packets, nil, buffered == input.count - consumed ? nil : "buffered \(buffered) of \(input.count - consumed)"
    )
  }

  @Test func packetDecoderFedWholeOrInRandomChunksAgrees() async {
    await Fuzz.run(Self.packets, iterations: Self.iterations) { input, expected, random in
      var whole: SplitMix64? = nil
      var chunked: SplitMix64? = random
      let once = Self.decodePackets(input, verifiesChecksum: true, random: &whole)
      let verdict = Fuzz.compare(once, expected: expected)
      if verdict.failure != nil { return verdict }
      let dripped = Self.decodePackets(input, verifiesChecksum: true, random: &chunked)
      if let failure = dripped.failure { return .fail("drip-fed: \(failure)") }
      guard dripped.values == once.values, dripped.error?.code == once.error?.code else {
        let drip = "\(dripped.values.count) packets and \(String(describing: dripped.error))"
        return .fail("drip-fed gave \(drip), whole gave \(once.values.count) and \(String(describing: once.error))")
      }
      return verdict
    }
  }

  @Test func byteDecoderAgreesWithPacketDecoder() async {
    await Fuzz.run(Self.packets, iterations: Self.iterations) { input, expected, _ in
      var decoder = ADBPacketByteDecoder(maxPayload: ADBProtocol.maxPayloadV1)
      var buffer = ByteBuffer(bytes: input)
      var packets: [ADBPacket] = []
      var thrown: ADBWireError? = nil
      for _ in 0...(input.count / ADBProtocol.headerSize + 1) {
        let before = buffer.readerIndex
        do {
          guard let packet = try decoder.decode(buffer: &buffer) else { break }
          guard buffer.readerIndex > before else { return .fail("returned a packet without consuming") }
          packets.append(packet)
        } catch let error as ADBWireError {
          guard error.code == .badMagic || error.code == .payloadTooLarge else {
            return .fail("threw unexpected \(error)")
          }
          thrown = error
          break
        } catch {
          return .fail("threw a non-ADBWireError \(error)")
        }
      }
      var none: SplitMix64? = nil
      let reference = Self.decodePackets(input, verifiesChecksum: false, random: &none)
      if let expected, packets != expected { return .fail("valid input decoded to \(packets)") }
      guard packets == reference.values, thrown?.code == reference.error?.code else {
        let own = "\(packets.count) packets and \(String(describing: thrown))"
        let other = "\(reference.values.count) and \(String(describing: reference.error))"
        return .fail("gave \(own); PacketDecoder gave \(other)")
      }
      return FuzzVerdict((packets, thrown, nil))
    }
  }

  // MARK: - Shell and sync records

  @Test func shellPacketRead() async {
    let target = FuzzTarget(
      name: "ShellPacket.read", corpus: ShellPacketTests.vectors.map { ($1, $0) }, lengthOffsets: [1])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(
        Fuzz.drain(&buffer, allowed: .malformedShellPacket) { (buffer) throws(ADBWireError) in
          try ShellPacket.read(from: &buffer, maxPayload: 4096)
        }, expected: expected)
    }
  }

  @Test func syncRequestRead() async {
    let target = FuzzTarget(
      name: "SyncRequest.read", corpus: SyncRequestTests.vectors.map { ($1, $0) }, lengthOffsets: [4])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(Fuzz.drain(&buffer, allowed: .malformedSyncRecord, SyncRequest.read), expected: expected)
    }
  }

  @Test(arguments: SyncResponseTests.allContexts)
  func syncResponseRead(context: SyncResponse.Context) async {
    let corpus = SyncResponseTests.vectors.filter { $0.0 == context }.map { ($0.2, $0.1) }
    let target = FuzzTarget(name: "SyncResponse.read(\(context))", corpus: corpus, lengthOffsets: [4, 16, 72])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(
        Fuzz.drain(&buffer, allowed: .malformedSyncRecord) { (buffer) throws(ADBWireError) in
          try SyncResponse.read(from: &buffer, context: context)
        }, expected: expected)
    }
  }
}
