// Names, attribute values and entity references, read straight from the UTF-8 bytes.

extension HierarchyParser {
  /// Where an attribute's value lies in the input (between the quotes, still escaped).
  struct AttributeValue {
    /// The bytes between the quotes.
    var range: Range<Int>
    /// Whether the value contains `&`, so it needs decoding.
    var hasReferences: Bool
  }

  /// Which attributes a node had that change a default.
  struct FoundAttributes {
    /// `class` was present (else an Appium tag names the class).
    var className = false
    /// `index` was present (else it is the position among the parent's children).
    var index = false
  }

  /// The longest entity reference accepted between `&` and `;` (`#x0010FFFF` and leading zeros).
  static let maximumReferenceLength = 16

  // MARK: - Lexing

  /// Skips XML whitespace (space, tab, line feed, carriage return).
  /// - Returns: whether there was any.
  @discardableResult
  mutating func skipWhitespace() -> Bool {
    let start = position
    while position < bytes.count {
      switch bytes[position] {
      case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn: position += 1
      default: return position > start
      }
    }
    return position > start
  }

  /// Whether the input continues with `literal` at ``position``.
  func hasPrefix(_ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard position + length <= bytes.count else { return false }
    for offset in 0..<length where bytes[position + offset] != literal.utf8Start[offset] { return false }
    return true
  }

  /// Whether the bytes in `range` spell `literal`.
  func nameEquals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    guard range.count == literal.utf8CodeUnitCount else { return false }
    for offset in 0..<range.count where bytes[range.lowerBound + offset] != literal.utf8Start[offset] {
      return false
    }
    return true
  }

  /// Reads a tag or attribute name: a letter, `_`, `:` or non-ASCII byte, then also digits,
  /// `.`, `-` and `$` (Java inner classes in Appium tags).
  mutating func readName(_ what: String) throws(DeviceControlError) -> Range<Int> {
    let start = position
    guard position < bytes.count else { throw truncated("where \(what) was expected") }
    guard Self.isNameStart(bytes[position]) else {
      throw Self.malformed("expected \(what), found \(excerpt(at: position))", at: position)
    }
    position += 1
    while position < bytes.count && Self.isNameByte(bytes[position]) { position += 1 }
    return start..<position
  }

  private static func isNameStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- ASCII.lowercaseA < 26 || byte == ASCII.underscore || byte == ASCII.colon || byte >= 0x80
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    isNameStart(byte) || byte &- ASCII.zero < 10 || byte == ASCII.period || byte == ASCII.hyphen
      || byte == ASCII.dollar
  }

  /// Reads `= "value"` (or single quotes) after the attribute `name`.
  mutating func readAttributeValue(of name: Range<Int>) throws(DeviceControlError) -> AttributeValue {
    skipWhitespace()
    guard position < bytes.count else { throw truncated("after the attribute name '\(text(name))'") }
    guard bytes[position] == ASCII.equals else {
      throw Self.malformed(
        "expected '=' after the attribute name '\(text(name))', found \(excerpt(at: position))",
        at: position)
    }
    position += 1
    skipWhitespace()
    guard position < bytes.count else { throw truncated("after '\(text(name))='") }
    let quote = bytes[position]
    guard quote == ASCII.doubleQuote || quote == ASCII.singleQuote else {
      throw Self.malformed("the value of '\(text(name))' is not quoted: \(excerpt(at: position))", at: position)
    }
    position += 1
    let start = position
    var hasReferences = false
    while position < bytes.count {
      let byte = bytes[position]
      if byte == quote {
        position += 1
        return AttributeValue(range: start..<position - 1, hasReferences: hasReferences)
      }
      // XML 1.0 §3.1 [10]: AttValue ::= '"' ([^<&"] | Reference)* '"'. A '<' usually means a
      // lost closing quote.
      if byte == ASCII.lessThan {
        throw Self.malformed("'<' inside the value of '\(text(name))' (a missing quote?)", at: position)
      }
      if byte == ASCII.ampersand { hasReferences = true }
      position += 1
    }
    throw truncated("inside the value of '\(text(name))' that starts at byte \(start)")
  }

  // MARK: - Values

  /// Runs `body` on the value's bytes, decoded when it contains references.
  mutating func withValue<Result>(
    _ value: AttributeValue, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Result
  ) throws(DeviceControlError) -> Result {
    guard value.hasReferences else { return body(bytes[value.range]) }
    _ = try decodedBytes(value)
    return scratch.withUnsafeBufferPointer { body($0[...]) }
  }

  /// The value as a string.
  mutating func string(_ value: AttributeValue) throws(DeviceControlError) -> String {
    if value.range.isEmpty { return "" }
    return try withValue(value) { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
  }

  /// The value as a flag: `true` is true, anything else false (as uiautomator2's client reads it).
  mutating func boolean(_ value: AttributeValue) throws(DeviceControlError) -> Bool {
    try withValue(value) { $0.elementsEqual("true".utf8) }
  }

  /// The value as a decimal integer (optionally negative, at most 9 digits).
  mutating func integer(_ value: AttributeValue, of name: Range<Int>) throws(DeviceControlError) -> Int {
    let number = try withValue(value) { bytes -> Int? in
      let negative = bytes.first == ASCII.hyphen
      let digits = negative ? bytes.dropFirst() : bytes
      guard (1...9).contains(digits.count), digits.allSatisfy({ $0 &- ASCII.zero < 10 }) else { return nil }
      let magnitude = digits.reduce(0) { $0 * 10 + Int($1 &- ASCII.zero) }
      return negative ? -magnitude : magnitude
    }
    guard let number else {
      throw Self.malformed(
        "'\(text(name))' is not an integer: \(excerpt(at: value.range.lowerBound))",
        at: value.range.lowerBound)
    }
    return number
  }

  /// The value as `[x1,y1][x2,y2]`.
  mutating func bounds(_ value: AttributeValue) throws(DeviceControlError) -> UIBounds {
    guard let bounds = try withValue(value, UIBounds.parse) else {
      throw Self.malformed(
        "bounds are not [x1,y1][x2,y2]: \(excerpt(at: value.range.lowerBound))",
        at: value.range.lowerBound)
    }
    return bounds
  }

  // MARK: - Entity references

  /// Decodes the references in `value` into ``scratch``: `&amp; &lt; &gt; &quot; &apos;`,
  /// `&#N;` and `&#xH;`. A UTF-16 surrogate pair written as two references (Java serializers do
  /// this for emoji) becomes one scalar; a lone surrogate becomes U+FFFD.
  /// - Returns: the decoded byte count.
  mutating func decodedBytes(_ value: AttributeValue) throws(DeviceControlError) -> Int {
    scratch.removeAll(keepingCapacity: true)
    var highSurrogate: UInt32?
    var offset = value.range.lowerBound
    while offset < value.range.upperBound {
      guard bytes[offset] == ASCII.ampersand else {
        if highSurrogate != nil { appendScalar(0xFFFD) }
        highSurrogate = nil
        scratch.append(bytes[offset])
        offset += 1
        continue
      }
      let nameStart = offset + 1
      let limit = min(value.range.upperBound, nameStart + Self.maximumReferenceLength + 1)
      guard let semicolon = bytes[nameStart..<limit].firstIndex(of: ASCII.semicolon) else {
        throw Self.malformed("unterminated entity reference \(excerpt(at: offset))", at: offset)
      }
      let scalar = try referencedScalar(nameStart..<semicolon, at: offset)
      switch scalar {
      case 0xD800...0xDBFF:
        if highSurrogate != nil { appendScalar(0xFFFD) }
        highSurrogate = scalar
      case 0xDC00...0xDFFF:
        if let high = highSurrogate {
          appendScalar(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00))
        } else {
          appendScalar(0xFFFD)
        }
        highSurrogate = nil
      default:
        if highSurrogate != nil { appendScalar(0xFFFD) }
        highSurrogate = nil
        appendScalar(scalar)
      }
      offset = semicolon + 1
    }
    if highSurrogate != nil { appendScalar(0xFFFD) }
    return scratch.count
  }

  /// The scalar value that the reference named by `name` (between `&` and `;`) stands for.
  private func referencedScalar(_ name: Range<Int>, at offset: Int) throws(DeviceControlError) -> UInt32 {
    if nameEquals(name, "amp") { return 0x26 }
    if nameEquals(name, "lt") { return 0x3C }
    if nameEquals(name, "gt") { return 0x3E }
    if nameEquals(name, "quot") { return 0x22 }
    if nameEquals(name, "apos") { return 0x27 }
    guard !name.isEmpty, bytes[name.lowerBound] == ASCII.numberSign else {
      throw Self.malformed("unknown entity reference \(excerpt(at: offset))", at: offset)
    }
    let isHex = name.count >= 2 && bytes[name.lowerBound + 1] | 0x20 == ASCII.lowercaseX
    let digits = bytes[(name.lowerBound + (isHex ? 2 : 1))..<name.upperBound]
    var scalar: UInt32 = 0
    for byte in digits {
      let digit: UInt32
      switch byte {
      case ASCII.zero...ASCII.nine: digit = UInt32(byte - ASCII.zero)
      case ASCII.lowercaseA...ASCII.lowercaseF where isHex: digit = UInt32(byte - ASCII.lowercaseA + 10)
      case ASCII.uppercaseA...ASCII.uppercaseF where isHex: digit = UInt32(byte - ASCII.uppercaseA + 10)
      default: throw Self.malformed("bad character reference \(excerpt(at: offset))", at: offset)
      }
      scalar = scalar * (isHex ? 16 : 10) + digit
      guard scalar <= 0x10FFFF else {
        throw Self.malformed("character reference beyond U+10FFFF \(excerpt(at: offset))", at: offset)
      }
    }
    guard !digits.isEmpty else { throw Self.malformed("empty character reference", at: offset) }
    return scalar
  }

  /// Appends the UTF-8 encoding of `value` (a valid scalar, not a surrogate) to ``scratch``.
  private mutating func appendScalar(_ value: UInt32) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    UTF8.encode(scalar) { scratch.append($0) }
  }
}
