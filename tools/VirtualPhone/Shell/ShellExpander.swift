/// Turns words into argument strings: parameter expansion, command substitution, field
/// splitting of unquoted expansions, `~`, and pathname globbing of unquoted `* ? [`.
struct ShellExpander {
  let interpreter: ShellInterpreter

  /// A field being built: its text, and the same text as a glob pattern in which quoted
  /// characters are backslash-escaped.
  private struct Field {
    var text = ""
    var pattern = ""
    var hasGlob = false
    var started = false

    mutating func append(_ string: String, quoted: Bool) {
      started = true
      text += string
      for character in string {
        let isMeta = character == "*" || character == "?" || character == "[" || character == "\\"
        if isMeta && quoted { pattern.append("\\") }
        if isMeta && !quoted && character != "\\" { hasGlob = true }
        pattern.append(character)
      }
    }
  }

  /// Expands words into fields.
  func expand(_ words: [ShellWord], environment: inout ShellEnvironment, output: inout StreamPair) -> [String] {
    var result: [String] = []
    for word in words {
      var fields: [Field] = []
      var current = Field()
      for (position, part) in word.parts.enumerated() {
        switch part {
        case .literal(var text, let quoted):
          if position == 0, !quoted, text == "~" || text.hasPrefix("~/") {
            let home = environment.variables["HOME"] ?? "/"
            text = text == "~" ? home : (home.hasSuffix("/") ? home + text.dropFirst(2) : home + text.dropFirst())
          }
          current.append(text, quoted: quoted)
        case .variable(let name, let quoted):
          split(environment.value(of: name), quoted: quoted, into: &fields, current: &current)
        case .commandSubstitution(let line, let quoted):
          split(
            substitute(line, environment: &environment, output: &output), quoted: quoted, into: &fields,
            current: &current)
        }
      }
      if current.started { fields.append(current) }
      for field in fields {
        if field.hasGlob,
          let matches = ShellGlob.expand(
            field.pattern, environment: environment, fileSystem: interpreter.phone.fileSystem)
        {
          result += matches
        } else {
          result.append(field.text)
        }
      }
    }
    return result
  }

  /// Expands a word into one string without splitting or globbing (redirection targets,
  /// assignments).
  func expandSingle(_ word: ShellWord, environment: inout ShellEnvironment, output: inout StreamPair) -> String {
    var text = ""
    for part in word.parts {
      switch part {
      case .literal(let literal, _): text += literal
      case .variable(let name, _): text += environment.value(of: name)
      case .commandSubstitution(let line, _): text += substitute(line, environment: &environment, output: &output)
      }
    }
    return text
  }

  /// An unquoted expansion is split at blanks and newlines (IFS); a quoted one is not.
  private func split(_ value: String, quoted: Bool, into fields: inout [Field], current: inout Field) {
    guard !quoted else {
      current.append(value, quoted: true)
      return
    }
    let pieces = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    guard !pieces.isEmpty else { return }
    let startsWithBlank = value.first.map { $0 == " " || $0 == "\t" || $0 == "\n" } ?? false
    let endsWithBlank = value.last.map { $0 == " " || $0 == "\t" || $0 == "\n" } ?? false
    for (index, piece) in pieces.enumerated() {
      if index > 0 || (startsWithBlank && current.started) {
        fields.append(current)
        current = Field()
      }
      current.append(piece, quoted: false)
    }
    if endsWithBlank {
      fields.append(current)
      current = Field()
    }
  }

  /// `$(…)`: runs the line in a subshell; its output minus trailing newlines is the value.
  private func substitute(_ line: String, environment: inout ShellEnvironment, output: inout StreamPair) -> String {
    var subshell = environment
    subshell.exitRequested = nil
    var captured = StreamPair()
    let status = interpreter.run(line, stdin: [], environment: &subshell, output: &captured)
    environment.delay = subshell.delay
    environment.lastStatus = status
    output.stderr += captured.stderr
    var text = String(decoding: captured.stdout, as: UTF8.self)
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
