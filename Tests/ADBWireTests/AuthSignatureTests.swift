import Testing

@testable import ADBWire

/// The PKCS#1 v1.5 block adbd verifies: the token is used as the SHA-1 digest as-is.
@Suite struct AuthSignatureTests {
  static let token: [UInt8] = (1...20).map { UInt8($0) }

  @Test func encodesMessageForA2048BitKey() {
    let message = AuthSignature.encodedMessage(token: Self.token)
    #expect(message.count == 256)
    // 00 01, then 256 - 3 - 35 = 218 bytes of FF, then 00.
    #expect(message[0] == 0x00 && message[1] == 0x01)
    #expect(message[2..<220].allSatisfy { $0 == 0xff })
    #expect(message[220] == 0x00)
    // DigestInfo for SHA-1 (RFC 8017 §9.2 note 1), then the token itself, not its hash.
    let digestInfo: [UInt8] = [
      0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
    ]
    #expect(Array(message[221..<236]) == digestInfo)
    #expect(Array(message[236...]) == Self.token)
    #expect(AuthSignature.sha1DigestInfoPrefix == digestInfo)
  }

  @Test func encodesMessageForOtherModulusSizes() {
    let message = AuthSignature.encodedMessage(token: Self.token, modulusByteCount: 128)
    #expect(message.count == 128)
    #expect(message.prefix(2) == [0x00, 0x01])
    #expect(message[2..<92].allSatisfy { $0 == 0xff } && message[92] == 0x00)
    #expect(Array(message.suffix(20)) == Self.token)
  }

  @Test func tokenLengthIsTwentyBytes() {
    #expect(AuthType.tokenLength == 20)
    #expect(AuthType(rawValue: 1) == .token && AuthType(rawValue: 2) == .signature)
    #expect(AuthType(rawValue: 3) == .rsaPublicKey && AuthType(rawValue: 4) == nil)
  }
}
