import TaskEngine

/// Reads a JSON object's fields with type checks that name the field (40001).
struct BodyFields {
  let members: [String: JSONValue]

  /// The body's members.
  /// - Throws: 40001 when the body is not an object.
  init(_ body: JSONValue) throws(APIError) {
    guard let members = body.objectValue else {
      throw APIError(code: .invalidParameter, message: "request body must be a JSON object, got \(body.typeName)")
    }
    self.members = members
  }

  /// The member, nil when absent or null.
  func value(_ field: String) -> JSONValue? {
    guard let value = members[field], !value.isNull else { return nil }
    return value
  }

  func string(_ field: String) throws(APIError) -> String? {
    guard let value = value(field) else { return nil }
    guard let text = value.stringValue else { throw .invalid(field, "must be a string, got \(value.typeName)") }
    return text
  }

  func strings(_ field: String) throws(APIError) -> [String]? {
    guard let value = value(field) else { return nil }
    guard let list = value.arrayValue else { throw .invalid(field, "must be a list of strings, got \(value.typeName)") }
    var strings: [String] = []
    for (index, item) in list.enumerated() {
      guard let text = item.stringValue else {
        throw .invalid(field, "must be a list of strings; item \(index) is \(item.typeName)")
      }
      strings.append(text)
    }
    return strings
  }

  func ints(_ field: String) throws(APIError) -> [Int]? {
    guard let value = value(field) else { return nil }
    guard let list = value.arrayValue else { throw .invalid(field, "must be a list of ids, got \(value.typeName)") }
    var ints: [Int] = []
    for (index, item) in list.enumerated() {
      guard let number = item.intValue else {
        throw .invalid(field, "must be a list of whole numbers; item \(index) is \(item.typeName)")
      }
      ints.append(number)
    }
    return ints
  }

  /// A boolean; 0 and 1 are accepted as older clients send them.
  func bool(_ field: String) throws(APIError) -> Bool? {
    guard let value = value(field) else { return nil }
    if let flag = value.boolValue { return flag }
    if let number = value.intValue, number == 0 || number == 1 { return number == 1 }
    throw .invalid(field, "must be true or false, got \(value.typeName)")
  }

  /// A number; a numeric string is accepted as older clients send one.
  func number(_ field: String) throws(APIError) -> Double? {
    guard let value = value(field) else { return nil }
    if let number = value.doubleValue { return number }
    if let text = value.stringValue, let number = Double(text.trimmingWhitespace) { return number }
    throw .invalid(field, "must be a number, got \(value.typeName)")
  }

  /// An object; a string holding a JSON object is accepted (`script_config` sent as text).
  func object(_ field: String) throws(APIError) -> JSONValue? {
    guard let value = value(field) else { return nil }
    if value.objectValue != nil { return value }
    if let text = value.stringValue {
      if text.trimmingWhitespace.isEmpty { return nil }
      if let parsed = try? JSONValue(jsonText: text), parsed.objectValue != nil { return parsed }
    }
    throw .invalid(field, "must be an object, got \(value.typeName)")
  }
}

extension String {
  var trimmingWhitespace: String {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return String(text)
  }
}

extension CreateRequest {
  /// API.md's create body, field by field. `source` (`api`/`ui`, default `api`) is a
  /// DroidMatrix addition for user interfaces that create tasks through the API.
  init(body: JSONValue) throws(APIError) {
    let fields = try BodyFields(body)
    var source = TaskSource.api
    if let text = try fields.string("source") {
      guard let parsed = TaskSource(rawValue: text) else { throw .invalid("source", "must be api or ui, got \(text)") }
      source = parsed
    }
    self.init(
      serials: try fields.strings("serials"), usernames: try fields.strings("usernames"),
      scriptName: try fields.string("script_name"), scriptConfig: try fields.object("script_config") ?? [:],
      enableMultiAccount: try fields.bool("enable_multi_account") ?? false, startTime: try fields.string("start_time"),
      minInterval: try fields.number("min_interval") ?? 0, maxInterval: try fields.number("max_interval") ?? 0,
      source: source)
  }
}
