import TaskEngine

/// Reads one JSON object of a `script_config` key by key, turning wrong types and values into
/// ``ScriptConfigError``s that name the key as the client sent it.
///
/// `null` counts as absent, so a client that sends every key with `null` for "unset" gets the
/// defaults. Numeric keys also accept numeric strings ("30"), as TikMatrix does: its own UI
/// sends several numbers as strings.
struct ConfigReader {
  /// The object's members.
  private let members: [String: JSONValue]
  /// The dotted path of this object inside `script_config` ("" at the top, "dmSettings" below).
  let path: String

  /// A reader over `json`, which must be an object (or `null`, read as `{}`).
  /// - Throws: ``ScriptConfigError`` naming `path` when `json` is another type.
  init(_ json: JSONValue, path: String = "") throws(ScriptConfigError) {
    switch json {
    case .object(let members): self.members = members
    case .null: self.members = [:]
    default: throw ScriptConfigError(field: path, message: "expected an object, got \(json.messageSummary)")
    }
    self.path = path
  }

  /// The field name of `key` as errors report it: dotted below the top level.
  func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The value of `key`, or nil when it is missing or `null`.
  func value(_ key: String) -> JSONValue? {
    guard let value = members[key], !value.isNull else { return nil }
    return value
  }

  /// Whether `key` holds a value other than `null`.
  func has(_ key: String) -> Bool { value(key) != nil }

  /// An error about `key`.
  func error(_ key: String, _ message: String) -> ScriptConfigError {
    ScriptConfigError(field: field(key), message: message)
  }

  /// The error for a value of the wrong type: "expected a number, got a string \"abc\"".
  func mismatch(_ key: String, expected: String, got value: JSONValue) -> ScriptConfigError {
    error(key, "expected \(expected), got \(value.messageSummary)")
  }

  // MARK: - Strings

  /// The string at `key`, trimmed of surrounding white space when `trimmed`.
  /// - Throws: when the value is not a string.
  func string(_ key: String, trimmed: Bool = true) throws(ScriptConfigError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .string(let text) = value else { throw mismatch(key, expected: "a string", got: value) }
    return trimmed ? text.trimmingWhitespace : text
  }

  /// The string at `key`, or nil when it is missing, `null` or blank.
  func nonEmptyString(_ key: String, trimmed: Bool = true) throws(ScriptConfigError) -> String? {
    guard let text = try string(key, trimmed: trimmed), !text.trimmingWhitespace.isEmpty else { return nil }
    return text
  }

  /// One of `E`'s raw values at `key` (matched ignoring case), or `defaultValue` when absent.
  /// - Throws: when the value is not a string or not one of the raw values.
  func choice<E: RawRepresentable & CaseIterable>(_ key: String, default defaultValue: E) throws(ScriptConfigError)
    -> E where E.RawValue == String
  {
    guard let text = try nonEmptyString(key) else { return defaultValue }
    if let match = E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) { return match }
    let names = E.allCases.map(\.rawValue).joined(separator: ", ")
    throw error(key, "must be one of \(names); got \(text.messageQuoted)")
  }

  // MARK: - Numbers

  /// The whole number at `key` (a number or a numeric string), checked against `range`.
  /// - Throws: when the value is not a whole number, or lies outside `range`.
  func int(_ key: String, in range: ClosedRange<Int>) throws(ScriptConfigError) -> Int? {
    guard let value = value(key) else { return nil }
    return try Self.int(value, field: field(key), in: range)
  }

  /// `value` as a whole number (a number or a numeric string), checked against `range`.
  /// - Throws: ``ScriptConfigError`` naming `field` when it is not one, or lies outside `range`.
  static func int(_ value: JSONValue, field: String, in range: ClosedRange<Int>) throws(ScriptConfigError) -> Int {
    let number: Int?
    switch value {
    case .int(let int): number = int
    case .double(let double): number = Int(exactly: double)
    case .string(let text):
      let trimmed = text.trimmingWhitespace
      if let int = Int(trimmed) {
        number = int
      } else if let double = Double(trimmed), double.isFinite {
        number = Int(exactly: double)
      } else {
        throw ScriptConfigError(field: field, message: "expected a number, got \(value.messageSummary)")
      }
    default:
      throw ScriptConfigError(field: field, message: "expected a number, got \(value.messageSummary)")
    }
    guard let number else {
      throw ScriptConfigError(field: field, message: "expected a whole number, got \(value.messageSummary)")
    }
    guard range.contains(number) else {
      throw ScriptConfigError(field: field, message: "must be \(range.phrase), got \(number)")
    }
    return number
  }

  /// The number at `key` (a number or a numeric string), checked against `range`.
  /// - Throws: when the value is not a number, or lies outside `range`.
  func double(_ key: String, in range: ClosedRange<Double>) throws(ScriptConfigError) -> Double? {
    guard let value = value(key) else { return nil }
    let number: Double
    switch value {
    case .int(let int): number = Double(int)
    case .double(let double): number = double
    case .string(let text):
      guard let double = Double(text.trimmingWhitespace), double.isFinite else {
        throw mismatch(key, expected: "a number", got: value)
      }
      number = double
    default: throw mismatch(key, expected: "a number", got: value)
    }
    guard range.contains(number) else {
      throw error(
        key, "must be a number from \(range.lowerBound.plain) to \(range.upperBound.plain), got \(number.plain)")
    }
    return number
  }

  /// A probability in percent (0–100) at `key`.
  /// - Throws: when the value is not a whole number from 0 to 100.
  func probability(_ key: String) throws(ScriptConfigError) -> Probability? {
    try int(key, in: 0...100).map(Probability.init(percent:))
  }

  // MARK: - Booleans

  /// The boolean at `key`: `true`/`false`, or 0/1 and "true"/"false"/"0"/"1" as TikMatrix's
  /// clients also send them.
  /// - Throws: when the value is none of those.
  func bool(_ key: String) throws(ScriptConfigError) -> Bool? {
    guard let value = value(key) else { return nil }
    switch value {
    case .bool(let bool): return bool
    case .int(0): return false
    case .int(1): return true
    case .string(let text):
      switch text.trimmingWhitespace.lowercased() {
      case "true", "1": return true
      case "false", "0": return false
      default: break
      }
    default: break
    }
    throw mismatch(key, expected: "true or false", got: value)
  }

  // MARK: - Objects

  /// The object at `key` as a reader whose errors name `key.member`; nil when absent.
  /// - Throws: when the value is not an object.
  func object(_ key: String) throws(ScriptConfigError) -> ConfigReader? {
    guard let value = value(key) else { return nil }
    return try ConfigReader(value, path: field(key))
  }

  /// The object at `key` as a reader; an empty one (all defaults) when absent.
  /// - Throws: when the value is not an object.
  func objectOrEmpty(_ key: String) throws(ScriptConfigError) -> ConfigReader {
    try object(key) ?? ConfigReader(members: [:], path: field(key))
  }

  private init(members: [String: JSONValue], path: String) {
    self.members = members
    self.path = path
  }
}

// MARK: - Message helpers

extension JSONValue {
  /// The value for an error message: its type, and for a scalar the value itself
  /// (`a string "abc"`, `a number 1.5`, `a list`).
  var messageSummary: String {
    switch self {
    case .null: return "null"
    case .array, .object: return typeName
    case .string(let text): return "\(typeName) \(text.messageQuoted)"
    default: return "\(typeName) \(jsonText)"
    }
  }
}

extension String {
  /// The string without leading and trailing white space and newlines.
  var trimmingWhitespace: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }

  /// The string in double quotes for a message, cut at 60 characters.
  var messageQuoted: String {
    let limit = 60
    let shown = count > limit ? "\(prefix(limit))…" : self
    return "\"\(shown)\""
  }
}

extension ClosedRange<Int> {
  /// "a whole number from 0 to 100", "at least 1".
  fileprivate var phrase: String {
    if upperBound == .max { return "a whole number of at least \(lowerBound)" }
    return "a whole number from \(lowerBound) to \(upperBound)"
  }
}

extension Double {
  /// The number without a needless ".0".
  fileprivate var plain: String {
    if let int = Int(exactly: self) { return String(int) }
    return String(self)
  }
}
