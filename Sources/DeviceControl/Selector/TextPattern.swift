/// How a selector compares one string attribute: equal, containing, starting or ending with a
/// literal, or wholly matching a regular expression.
///
/// Literals compare UTF-8 bytes, as Android compares Java strings: case-sensitive, with no
/// Unicode normalization. A regular expression must match the whole value, as `UiSelector`'s
/// `textMatches` does (`Pattern.matches`); write `Like video.*` to match a prefix.
struct TextPattern: Sendable, Hashable {
  /// The comparison.
  enum Kind: Sendable, Hashable {
    case equals, contains, startsWith, endsWith, matches
  }

  /// The comparison.
  let kind: Kind
  /// The literal, or the regular expression's source.
  let value: String
  /// `value`'s UTF-8, compared against the attribute's.
  private let bytes: [UInt8]
  /// The compiled expression, for ``Kind/matches``.
  private let regex: CompiledRegex?

  /// A literal comparison.
  init(_ kind: Kind, _ value: String) {
    precondition(kind != .matches, "use init(regex:) for a regular expression")
    self.kind = kind
    self.value = value
    self.bytes = Array(value.utf8)
    self.regex = nil
  }

  /// A whole-value regular-expression match.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  init(regex pattern: String) throws(DeviceControlError) {
    self.kind = .matches
    self.value = pattern
    self.bytes = []
    self.regex = try CompiledRegex(pattern)
  }

  static func == (lhs: TextPattern, rhs: TextPattern) -> Bool {
    lhs.kind == rhs.kind && lhs.value == rhs.value
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(value)
  }

  /// Whether `candidate` satisfies the pattern.
  func matches(_ candidate: String) -> Bool {
    if let regex { return regex.wholeMatches(candidate) }
    let utf8 = candidate.utf8
    if let result = utf8.withContiguousStorageIfAvailable({ compare($0) }) { return result }
    return Array(utf8).withUnsafeBufferPointer { compare($0) }
  }

  private func compare(_ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
    let needle = bytes
    guard candidate.count >= needle.count else { return false }
    switch kind {
    case .equals: return candidate.count == needle.count && candidate.elementsEqual(needle)
    case .startsWith: return candidate.starts(with: needle)
    case .endsWith: return candidate[(candidate.count - needle.count)...].elementsEqual(needle)
    case .contains: return Self.find(needle, in: candidate)
    case .matches: return false
    }
  }

  /// Whether `needle` occurs in `haystack` (a first-byte scan, then a comparison: values are
  /// short, so this beats building a search table).
  private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = needle.first else { return true }
    let lastStart = haystack.count - needle.count
    var start = 0
    while start <= lastStart {
      if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
      start += 1
    }
    return false
  }
}

/// A compiled regular expression shared by copies of a selector.
///
/// `@unchecked Sendable`: `Regex` is an immutable program once built, and the standard library
/// lowers it once with an atomic store, so concurrent matches are safe; `Regex` is simply not
/// annotated. The program is lowered here, in `init`, by the first match.
final class CompiledRegex: @unchecked Sendable {
  private let regex: Regex<AnyRegexOutput>
  /// Whether the expression matches the empty string: most attributes are empty, so this
  /// answers them without running the engine.
  private let matchesEmpty: Bool

  init(_ pattern: String) throws(DeviceControlError) {
    do {
      regex = try Regex(pattern)
    } catch {
      throw DeviceControlError(.invalidArgument, "invalid regular expression \(pattern.debugDescription): \(error)")
    }
    matchesEmpty = (try? regex.wholeMatch(in: "")) != nil
  }

  func wholeMatches(_ candidate: String) -> Bool {
    if candidate.isEmpty { return matchesEmpty }
    return (try? regex.wholeMatch(in: candidate)) != nil
  }
}
