import NIOCore
import Testing

@testable import ADBWire

/// Client-to-server framing (ADB-PROTOCOL.md §1): hex4 length + request; OKAY / FAIL + hex4 + text.
@Suite struct SmartSocketFrameTests {
  @Test(arguments: [
    ("host:version", "000chost:version"),
    ("host:transport:emulator-5554", "001chost:transport:emulator-5554"),  // lowercase hex, as %04x
    ("sync:", "0005sync:"),
    ("shell,v2,raw:echo hi", "0014shell,v2,raw:echo hi"),
  ])
  func writesRequest(service: String, wire: String) throws {
    var buffer = ByteBuffer()
    try SmartSocketFrame.writeRequest(service, to: &buffer)
    #expect(buffer.bytes == ascii(wire))
    var reader = offsetBuffer(ascii(wire))
    #expect(try SmartSocketFrame.readRequest(from: &reader) == service)
    #expect(reader.readableBytes == 0)
  }

  @Test func writesLongestRequestWithFourHexDigits() throws {
    var buffer = ByteBuffer()
    try SmartSocketFrame.writeRequest(String(repeating: "a", count: 0xFFFF), to: &buffer)
    #expect(buffer.getString(at: 0, length: 4) == "ffff")
    #expect(buffer.readableBytes == 4 + 0xFFFF)
  }

  @Test(arguments: [0, 0x10000])
  func rejectsRequestThatCannotBeFramed(length: Int) {
    var buffer = ByteBuffer()
    expectWireError(.malformedSmartSocketFrame) { () throws(ADBWireError) in
      try SmartSocketFrame.writeRequest(String(repeating: "x", count: length), to: &buffer)
    }
    #expect(buffer.readableBytes == 0)
  }

  @Test func readsUppercaseHexLength() throws {
    var buffer = ByteBuffer(string: "000Chost:version")
    #expect(try SmartSocketFrame.readRequest(from: &buffer) == "host:version")
  }

  @Test(arguments: ["0000", "zzzzhost:version", "00 chost:version", "-00chost:version", "0x0c"])
  func rejectsBadRequestLength(wire: String) {
    var buffer = ByteBuffer(string: wire)
    expectWireError(.malformedSmartSocketFrame) { () throws(ADBWireError) in
      try SmartSocketFrame.readRequest(from: &buffer)
    }
  }

  @Test func incompleteRequestReturnsNilWithoutConsuming() {
    expectNilOnEveryStrictPrefix(of: ascii("000chost:version")) { (buffer) throws(ADBWireError) in
      try SmartSocketFrame.readRequest(from: &buffer)
    }
  }

  // MARK: - Status

  static let statuses: [(SmartSocketFrame.Status, String)] = [
    (.okay, "OKAY"),
    (.fail("device offline"), "FAIL000edevice offline"),
    (.fail("device 'emulator-5556' not found"), "FAIL0020device 'emulator-5556' not found"),
    (.fail(""), "FAIL0000"),
  ]

  @Test(arguments: statuses)
  func writesStatus(status: SmartSocketFrame.Status, wire: String) {
    var buffer = ByteBuffer()
    switch status {
    case .okay: SmartSocketFrame.writeOkay(to: &buffer)
    case .fail(let message): SmartSocketFrame.writeFail(message, to: &buffer)
    }
    #expect(buffer.bytes == ascii(wire))
  }

  @Test(arguments: statuses)
  func readsStatus(status: SmartSocketFrame.Status, wire: String) {
    expectDecodes(ascii(wire), to: status) { (buffer) throws(ADBWireError) in
      try SmartSocketFrame.readStatus(from: &buffer)
    }
  }

  @Test(arguments: statuses)
  func incompleteStatusReturnsNilWithoutConsuming(status: SmartSocketFrame.Status, wire: String) {
    expectNilOnEveryStrictPrefix(of: ascii(wire)) { (buffer) throws(ADBWireError) in
      try SmartSocketFrame.readStatus(from: &buffer)
    }
  }

  @Test func leavesPayloadAfterOkay() throws {
    // host:version answers OKAY, then hex4 + "0029" (server version 41).
    var buffer = ByteBuffer(string: "OKAY00040029")
    #expect(try SmartSocketFrame.readStatus(from: &buffer) == .okay)
    let payload = try #require(try SmartSocketFrame.readHexPrefixed(from: &buffer))
    #expect(payload.bytes == ascii("0029"))
    #expect(buffer.readableBytes == 0)
  }

  @Test(arguments: ["OKAX", "okay", "FAI\0", "\0\0\0\0", "FAILzzzz", "FAIL00g1"])
  func rejectsMalformedStatus(wire: String) {
    var buffer = ByteBuffer(string: wire)
    expectWireError(.malformedSmartSocketFrame) { () throws(ADBWireError) in
      try SmartSocketFrame.readStatus(from: &buffer)
    }
  }

  // MARK: - Hex4-prefixed payloads

  @Test func readsEmptyPayloadWhenAllowed() throws {
    var buffer = ByteBuffer(string: "0000")
    #expect(try SmartSocketFrame.readHexPrefixed(from: &buffer)?.readableBytes == 0)
    var strict = ByteBuffer(string: "0000")
    expectWireError(.malformedSmartSocketFrame) { () throws(ADBWireError) in
      try SmartSocketFrame.readHexPrefixed(from: &strict, allowEmpty: false)
    }
  }

  @Test func writesHexPrefixedPayload() throws {
    var buffer = ByteBuffer()
    try SmartSocketFrame.writeHexPrefixed(ByteBuffer(string: "emulator-5554\tdevice\n"), to: &buffer)
    #expect(buffer.bytes == ascii("0015emulator-5554\tdevice\n"))
    try SmartSocketFrame.writeHexPrefixed(ByteBuffer(), to: &buffer)
    #expect(buffer.readableBytes == 4 + 0x15 + 4)
    expectWireError(.malformedSmartSocketFrame) { () throws(ADBWireError) in
      try SmartSocketFrame.writeHexPrefixed(ByteBuffer(repeating: 0, count: 0x10000), to: &buffer)
    }
  }

  @Test func incompleteHexPrefixedReturnsNilWithoutConsuming() {
    expectNilOnEveryStrictPrefix(of: ascii("000aabcdefghij")) { (buffer) throws(ADBWireError) in
      try SmartSocketFrame.readHexPrefixed(from: &buffer)
    }
  }
}
