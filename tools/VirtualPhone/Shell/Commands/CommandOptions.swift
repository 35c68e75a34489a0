/// toybox-style option parsing: clustered single-letter flags (`-rf`), options that take a
/// value (`-n 5`, `-n5`), `--` to stop, and operands anywhere.
struct CommandOptions {
  var flags: Set<Character> = []
  var values: [Character: String] = [:]
  var operands: [String] = []
  /// The first letter that is not a known option, if any.
  var unknown: Character?

  /// Parses arguments.
  /// - Parameters:
  ///   - flags: letters that take no value.
  ///   - valued: letters that take a value.
  init(_ arguments: [String], flags known: String, valued: String = "") {
    var index = 0
    var onlyOperands = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyOperands || !argument.hasPrefix("-") || argument == "-" {
        operands.append(argument)
        continue
      }
      if argument == "--" {
        onlyOperands = true
        continue
      }
      var letters = argument.dropFirst()
      while let letter = letters.popFirst() {
        if valued.contains(letter) {
          if !letters.isEmpty {
            values[letter] = String(letters)
          } else if index < arguments.count {
            values[letter] = arguments[index]
            index += 1
          } else {
            unknown = unknown ?? letter
          }
          break
        } else if known.contains(letter) {
          flags.insert(letter)
        } else {
          unknown = unknown ?? letter
        }
      }
    }
  }

  func has(_ letter: Character) -> Bool { flags.contains(letter) }
}
