import Foundation

/// A JSON value: a script's `script_config`, a task's `result`, a request body before it is
/// checked field by field.
///
/// Integers and fractions stay apart (`.int(0)` encodes as `0`, `.double(0.5)` as `0.5`), so a
/// configuration round-trips through the database unchanged.
///
/// ```swift
/// let config: JSONValue = ["target_users": ["alice", "bob"], "access_method": "direct"]
/// let users = config["target_users"]?.arrayValue?.compactMap(\.stringValue)  // ["alice", "bob"]
/// ```
public enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number without a fractional part that fits `Int`.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object.
  case object([String: JSONValue])
}

// MARK: - Codable

extension JSONValue: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}

// MARK: - JSON text

extension JSONValue {
  /// Parses JSON text (any value at the top level, as RFC 8259 allows).
  /// - Throws: the decoder's error when `text` is not JSON.
  public init(jsonText text: String) throws {
    self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  /// Parses JSON bytes.
  /// - Throws: the decoder's error when `bytes` are not JSON.
  public init(jsonBytes bytes: some Sequence<UInt8>) throws {
    self = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// Compact JSON text with sorted keys: the same value always gives the same text.
  public var jsonText: String {
    String(decoding: jsonData, as: UTF8.self)
  }

  /// Compact JSON with sorted keys, as UTF-8 bytes.
  public var jsonData: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Encoding a JSONValue cannot fail: every case maps to a JSON value (non-finite doubles
    // are never produced by the decoder; a caller that builds one gets `null`).
    return (try? encoder.encode(self.replacingNonFiniteNumbers)) ?? Data("null".utf8)
  }

  /// The value with NaN and infinities (which JSON cannot carry) replaced by `null`.
  private var replacingNonFiniteNumbers: JSONValue {
    switch self {
    case .double(let value) where !value.isFinite: .null
    case .array(let values): .array(values.map(\.replacingNonFiniteNumbers))
    case .object(let members): .object(members.mapValues(\.replacingNonFiniteNumbers))
    default: self
    }
  }
}
