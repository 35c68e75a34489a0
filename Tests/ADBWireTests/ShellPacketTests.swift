import NIOCore
import Testing

@testable import ADBWire

/// Shell protocol v2 (`shell_protocol.h`): 1-byte id, u32 LE length, payload.
@Suite struct ShellPacketTests {
  static let vectors: [(ShellPacket, [UInt8])] = [
    (ShellPacket(.stdin, payload: ByteBuffer(string: "ls\n")), [0x00, 0x03, 0x00, 0x00, 0x00, 0x6c, 0x73, 0x0a]),
    (ShellPacket(.stdout, payload: ByteBuffer(string: "hi")), [0x01, 0x02, 0x00, 0x00, 0x00, 0x68, 0x69]),
    (ShellPacket(.stderr, payload: ByteBuffer(string: "err")), [0x02, 0x03, 0x00, 0x00, 0x00, 0x65, 0x72, 0x72]),
    (ShellPacket.exit(status: 0), [0x03, 0x01, 0x00, 0x00, 0x00, 0x00]),
    // Killed by SIGTERM (15): 0x80 | 15.
    (ShellPacket.exit(status: 0x8f), [0x03, 0x01, 0x00, 0x00, 0x00, 0x8f]),
    (ShellPacket(.closeStdin), [0x04, 0x00, 0x00, 0x00, 0x00]),
    // rows x cols, xpixels x ypixels: "24x80,0x0".
    (
      ShellPacket(.windowSizeChange, payload: ByteBuffer(string: "24x80,0x0")),
      [0x05, 0x09, 0x00, 0x00, 0x00, 0x32, 0x34, 0x78, 0x38, 0x30, 0x2c, 0x30, 0x78, 0x30]
    ),
    (ShellPacket(.invalid), [0xff, 0x00, 0x00, 0x00, 0x00]),
    (ShellPacket(.stdout), [0x01, 0x00, 0x00, 0x00, 0x00]),
  ]

  @Test(arguments: vectors)
  func encodes(packet: ShellPacket, bytes: [UInt8]) {
    var buffer = ByteBuffer()
    packet.write(to: &buffer)
    #expect(buffer.bytes == bytes)
  }

  @Test(arguments: vectors)
  func decodes(packet: ShellPacket, bytes: [UInt8]) {
    expectDecodes(bytes, to: packet) { (buffer) throws(ADBWireError) in try ShellPacket.read(from: &buffer) }
  }

  @Test(arguments: vectors)
  func returnsNilWithoutConsumingOnEveryPrefix(packet: ShellPacket, bytes: [UInt8]) {
    expectNilOnEveryStrictPrefix(of: bytes) { (buffer) throws(ADBWireError) in try ShellPacket.read(from: &buffer) }
  }

  @Test func decodesMergedPacketsInOrder() throws {
    var buffer = ByteBuffer()
    for (packet, _) in Self.vectors { packet.write(to: &buffer) }
    for (packet, _) in Self.vectors { #expect(try ShellPacket.read(from: &buffer) == packet) }
    #expect(try ShellPacket.read(from: &buffer) == nil)
  }

  @Test func roundTripsLargePayload() throws {
    let packet = ShellPacket(.stdout, payload: ByteBuffer(bytes: (0..<70_000).map { UInt8(truncatingIfNeeded: $0) }))
    var buffer = ByteBuffer()
    packet.write(to: &buffer)
    #expect(try ShellPacket.read(from: &buffer) == packet)
    #expect(buffer.readableBytes == 0)
  }

  @Test func describesKinds() {
    #expect(ShellPacket.Kind.exit.description == "exit")
    #expect(ShellPacket.Kind(rawValue: 9).description == "unknown(9)")
  }

  // MARK: - Malformed

  @Test(arguments: [
    [UInt8]([0x06, 0x00, 0x00, 0x00, 0x00]),  // id 6 does not exist
    [0x80, 0x01, 0x00, 0x00, 0x00, 0x00],  // nor does 0x80
    [0x03, 0x00, 0x00, 0x00, 0x00],  // exit without a status
    [0x03, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00],  // exit with two bytes
    [0x04, 0x01, 0x00, 0x00, 0x00, 0x00],  // close-stdin with a payload
    [0x01, 0x11, 0x00, 0x00, 0x00],  // 17 bytes of stdout over the limit of 16 (payload not even sent)
  ])
  func rejectsMalformedPacket(bytes: [UInt8]) {
    var buffer = offsetBuffer(bytes)
    expectWireError(.malformedShellPacket) { () throws(ADBWireError) in
      try ShellPacket.read(from: &buffer, maxPayload: 16)
    }
  }

  @Test func acceptsPayloadAtTheLimit() throws {
    var buffer = ByteBuffer(bytes: [0x01, 0x10, 0x00, 0x00, 0x00] + [UInt8](repeating: 0x41, count: 16))
    let packet = try #require(try ShellPacket.read(from: &buffer, maxPayload: 16))
    #expect(packet.payload.readableBytes == 16)
  }

  @Test func rejectsLengthOverDefaultMaxPayload() {
    // 0x00100001 = 1 MiB + 1.
    var buffer = ByteBuffer(bytes: [0x02, 0x01, 0x00, 0x10, 0x00])
    expectWireError(.malformedShellPacket) { () throws(ADBWireError) in try ShellPacket.read(from: &buffer) }
  }
}
