import TaskEngine

extension JSONValue {
  /// A number as JSON: whole numbers without a fraction (`5`, not `5.0`).
  init(number: Double) {
    if number.rounded() == number, abs(number) < 0x1p53 {
      self = .int(Int(number))
    } else {
      self = .double(number)
    }
  }

  /// A string, or `null` for nil.
  init(_ text: String?) {
    self = text.map { .string($0) } ?? .null
  }
}
