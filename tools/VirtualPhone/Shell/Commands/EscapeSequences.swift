/// Backslash escapes of `echo -e` (toybox echo): `\n \t \\ \a \b \e \f \r \v \0NNN \xHH`,
/// and `\c`, which ends the output there.
enum EscapeSequences {
  /// Expands escapes.
  /// - Returns: the text, and whether `\c` stopped it (no trailing newline then).
  static func expand(_ text: String) -> (String, stop: Bool) {
    var output = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      guard scalar == "\\", let next = scalars.popFirst() else {
        output.append(scalar)
        continue
      }
      switch next {
      case "n": output.append("\n")
      case "t": output.append("\t")
      case "r": output.append("\r")
      case "a": output.append("\u{07}")
      case "b": output.append("\u{08}")
      case "e": output.append("\u{1B}")
      case "f": output.append("\u{0C}")
      case "v": output.append("\u{0B}")
      case "\\": output.append("\\")
      case "c": return (String(output), true)
      case "0", "x":
        let radix = next == "x" ? 16 : 8
        let digits = String(
          String.UnicodeScalarView(
            scalars.prefix(while: { $0.properties.isASCIIHexDigit && (radix == 16 || ("0"..."7").contains($0)) })
              .prefix(radix == 16 ? 2 : 3)))
        scalars = scalars.dropFirst(digits.unicodeScalars.count)
        if let value = UInt32(digits.isEmpty ? "0" : digits, radix: radix), let decoded = Unicode.Scalar(value) {
          output.append(decoded)
        }
      default:
        output.append("\\")
        output.append(next)
      }
    }
    return (String(output), false)
  }
}
