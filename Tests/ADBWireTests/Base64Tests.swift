import Testing

@testable import ADBWire

@Suite struct Base64Tests {
  // RFC 4648 §10.
  static let vectors: [(String, String)] = [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
    ("foobar", "Zm9vYmFy"),
  ]

  @Test(arguments: vectors)
  func encodesRFC4648Vectors(plain: String, encoded: String) {
    #expect(Base64.encode(ascii(plain)) == encoded)
  }

  @Test(arguments: vectors)
  func decodesRFC4648Vectors(plain: String, encoded: String) {
    #expect(Base64.decode(encoded) == ascii(plain))
  }

  @Test(arguments: vectors)
  func decodesUnpaddedVectors(plain: String, encoded: String) {
    #expect(Base64.decode(String(encoded.prefix { $0 != "=" })) == ascii(plain))
  }

  @Test func usesStandardAlphabetWithPlusAndSlash() {
    #expect(Base64.encode([0xfb, 0xff, 0xbf]) == "+/+/")
    #expect(Base64.decode("+/+/") == [0xfb, 0xff, 0xbf])
    #expect(Base64.decode("-_-_") == nil, "base64url is not accepted")
  }

  @Test func roundTripsEveryByteValueAndLength() {
    let bytes = (0..<256).map { UInt8($0) }
    for count in 0...bytes.count {
      let prefix = Array(bytes.prefix(count))
      #expect(Base64.decode(Base64.encode(prefix)) == prefix, "\(count) bytes")
    }
  }

  @Test(arguments: [
    "Zm9v!",  // outside the alphabet
    "Zm9v YmFy",  // whitespace
    "Zm9vY",  // 5 characters: a lone 6-bit group cannot end a quantum
    "Z",
    "Zg===",  // three padding characters
    "Zg==Zg==",  // padding in the middle
    "Zm=9",
    "Zg=",  // padding that does not complete a quantum
    "Zm9v=",
    "Zm9vYg=",
    "=",
    "==",
    "====",
    "Zm9v\0",
    "Zm9vYmFy\u{e9}",
  ])
  func rejectsInvalidInput(text: String) {
    #expect(Base64.decode(text) == nil)
  }
}
