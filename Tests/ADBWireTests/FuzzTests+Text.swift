import NIOCore
import Testing

@testable import ADBWire

/// Fuzz targets whose input is text-like: smart-socket frames, banners, keys and base64.
extension FuzzTests {
  static let hexAlphabet = Array("0123456789abcdefABCDEFOKAYFIL:host".utf8)

  // MARK: - Smart socket

  @Test func smartSocketReadRequest() async {
    let target = FuzzTarget(
      name: "SmartSocketFrame.readRequest",
      corpus: ["host:version", "sync:", "host:transport:emulator-5554", "shell,v2,raw:ls"].map { service in
        var buffer = ByteBuffer()
        try! SmartSocketFrame.writeRequest(service, to: &buffer)
        return (buffer.bytes, service)
      },
      lengthOffsets: [0], hexLengths: true, alphabet: Self.hexAlphabet)
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(
        Fuzz.drain(&buffer, allowed: .malformedSmartSocketFrame, SmartSocketFrame.readRequest), expected: expected)
    }
  }

  @Test func smartSocketReadStatus() async {
    let target = FuzzTarget(
      name: "SmartSocketFrame.readStatus", corpus: SmartSocketFrameTests.statuses.map { (ascii($1), $0) },
      lengthOffsets: [4], hexLengths: true, alphabet: Self.hexAlphabet)
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(
        Fuzz.drain(&buffer, allowed: .malformedSmartSocketFrame) { (buffer) throws(ADBWireError) in
          try SmartSocketFrame.readStatus(from: &buffer)
        }, expected: expected)
    }
  }

  @Test func smartSocketReadHexPrefixed() async {
    let target = FuzzTarget(
      name: "SmartSocketFrame.readHexPrefixed",
      corpus: ["0029", "", "emulator-5554\tdevice\n", "connected to 10.0.0.2:5555"].map { text in
        var buffer = ByteBuffer()
        try! SmartSocketFrame.writeHexPrefixed(ByteBuffer(string: text), to: &buffer)
        return (buffer.bytes, ByteBuffer(string: text))
      },
      lengthOffsets: [0], hexLengths: true, alphabet: Self.hexAlphabet)
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      var buffer = ByteBuffer(bytes: input)
      return Fuzz.compare(
        Fuzz.drain(&buffer, allowed: .malformedSmartSocketFrame) { (buffer) throws(ADBWireError) in
          try SmartSocketFrame.readHexPrefixed(from: &buffer)
        }, expected: expected)
    }
  }

  // MARK: - Banner, key, base64 (one value per input)

  @Test func connectionBannerParsing() async throws {
    let texts = [
      ConnectionBannerTests.emulatorBanner, ConnectionBannerTests.hostBanner, "device::",
      "device::ro.product.name=occam;ro.product.model=Nexus 4;ro.product.device=mako;",
      "recovery:serial:ro.x=a:b=c;features=shell_v2,cmd;",
    ]
    let target = FuzzTarget(
      name: "ConnectionBanner(parsing:)",
      corpus: try texts.map { (ascii($0), try ConnectionBanner(parsing: $0)) },
      lengthOffsets: [], alphabet: Array("device:host;features=,ro.product.name\0\u{7f}\n".utf8) + [0xc3, 0xa9, 0xff],
      outcomes: [.decoded, .rejected])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      do throws(ADBWireError) {
        let banner = try ConnectionBanner(parsing: ByteBuffer(bytes: input))
        if let expected, expected.count == 1, banner != expected[0] { return .fail("valid banner parsed to \(banner)") }
        // Whatever parses must survive its own text form.
        guard (try? ConnectionBanner(parsing: banner.description)) == banner else {
          return .fail("\(banner.description.debugDescription) does not parse back to \(banner)")
        }
        return FuzzVerdict(failure: nil, outcome: .decoded)
      } catch {
        if let expected, expected.count == 1 { return .fail("valid banner threw \(error)") }
        return FuzzVerdict(
          failure: error.code == .malformedBanner ? nil : "threw unexpected \(error)", outcome: .rejected)
      }
    }
  }

  @Test func androidPublicKeyParsing() async throws {
    var keys = [AndroidPublicKeyTests.key]
    keys.append(
      AndroidPublicKey(
        modulus: [UInt8](repeating: 0xab, count: 256), exponent: 3, n0inv: 1, rr: [UInt8](repeating: 0, count: 256),
        comment: ""))
    let target = FuzzTarget(
      name: "AndroidPublicKey(parsing:)",
      corpus: keys.map { (ascii($0.line), $0) } + [(ascii(keys[0].line + "\0"), keys[0])],
      lengthOffsets: [], alphabet: Array("ABCDEFQUAAab09+/= @\0\n".utf8), outcomes: [.decoded, .rejected])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      do throws(ADBWireError) {
        let key = try AndroidPublicKey(parsing: String(decoding: input, as: UTF8.self))
        if let expected, expected.count == 1, key != expected[0] { return .fail("valid key parsed to \(key)") }
        guard (try? AndroidPublicKey(parsing: key.line)) == key else { return .fail("\(key.line) does not parse back") }
        return FuzzVerdict(failure: nil, outcome: .decoded)
      } catch {
        if let expected, expected.count == 1 { return .fail("valid key threw \(error)") }
        return FuzzVerdict(
          failure: error.code == .protocolViolation ? nil : "threw unexpected \(error)", outcome: .rejected)
      }
    }
  }

  @Test func base64Decoding() async {
    var generator = SplitMix64(seed: Fuzz.seed)
    let samples = (0..<24).map { count in (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
    let target = FuzzTarget(
      name: "Base64.decode", corpus: samples.map { (ascii(Base64.encode($0)), $0) }, lengthOffsets: [],
      alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/===".utf8),
      outcomes: [.decoded, .rejected])
    await Fuzz.run(target, iterations: Self.iterations) { input, expected, _ in
      let text = String(decoding: input, as: UTF8.self)
      guard let decoded = Base64.decode(text) else {
        return FuzzVerdict(failure: expected?.count == 1 ? "valid base64 rejected" : nil, outcome: .rejected)
      }
      if let expected, expected.count == 1, decoded != expected[0] { return .fail("decoded to \(decoded)") }
      // Every accepted text is 4n characters, or 4n+2 / 4n+3 unpadded; its bytes re-encode
      // to the same characters up to the last one (whose unused low bits may differ).
      let symbols = text.utf8.filter { $0 != UInt8(ascii: "=") }.count
      guard decoded.count == symbols * 3 / 4 else {
        return .fail("\(symbols) symbols decoded to \(decoded.count) bytes")
      }
      let reencoded = Base64.encode(decoded)
      guard Base64.decode(reencoded) == decoded,
        reencoded.utf8.prefix(max(0, symbols - 1)).elementsEqual(text.utf8.prefix(max(0, symbols - 1)))
      else { return .fail("re-encodes to \(reencoded)") }
      return FuzzVerdict(failure: nil, outcome: .decoded)
    }
  }
}
