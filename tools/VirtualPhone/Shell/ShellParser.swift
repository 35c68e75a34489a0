/// Builds a ``ShellScript`` from tokens: `list := and-or ((; | & | newline) and-or)*`,
/// `and-or := pipeline ((&& | ||) pipeline)*`, `pipeline := [!] command (| command)*`.
struct ShellParser {
  private let tokens: [ShellToken]
  private var index = 0

  private init(tokens: [ShellToken]) {
    self.tokens = tokens
  }

  /// Parses a command line.
  /// - Throws: ``ShellSyntaxError`` with mksh's wording (`'|' unexpected`, `unexpected EOF`).
  static func parse(_ line: String) throws(ShellSyntaxError) -> ShellScript {
    var parser = ShellParser(tokens: try ShellTokenizer.tokenize(line))
    return try parser.script()
  }

  private func peek() -> ShellToken? { index < tokens.count ? tokens[index] : nil }

  private mutating func script() throws(ShellSyntaxError) -> ShellScript {
    var lists: [AndOrList] = []
    while let token = peek() {
      if case .separator("\n") = token {
        index += 1
        continue
      }
      lists.append(try andOrList())
      guard let next = peek() else { break }
      guard case .separator = next else { throw unexpected(next) }
      index += 1
    }
    return ShellScript(lists: lists)
  }

  private mutating func andOrList() throws(ShellSyntaxError) -> AndOrList {
    var list = AndOrList(first: try pipeline(), rest: [])
    while let token = peek() {
      let connector: AndOrList.Connector
      switch token {
      case .and: connector = .and
      case .or: connector = .or
      default: return list
      }
      index += 1
      // A newline may follow && and || before the next pipeline.
      while case .separator("\n")? = peek() { index += 1 }
      list.rest.append((connector, try pipeline()))
    }
    return list
  }

  private mutating func pipeline() throws(ShellSyntaxError) -> Pipeline {
    var negated = false
    if case .word(let word)? = peek(), word.plainLiteral == "!" {
      negated = true
      index += 1
    }
    var commands = [try simpleCommand()]
    while case .pipe? = peek() {
      index += 1
      while case .separator("\n")? = peek() { index += 1 }
      commands.append(try simpleCommand())
    }
    return Pipeline(negated: negated, commands: commands)
  }

  private mutating func simpleCommand() throws(ShellSyntaxError) -> SimpleCommand {
    var command = SimpleCommand(assignments: [], words: [], redirections: [])
    loop: while let token = peek() {
      switch token {
      case .word(let word):
        index += 1
        if command.words.isEmpty, let assignment = Self.assignment(word) {
          command.assignments.append(assignment)
        } else {
          command.words.append(word)
        }
      case .redirect(let fd, let op):
        index += 1
        guard case .word(let target)? = peek() else {
          throw peek().map { unexpected($0) } ?? ShellSyntaxError(message: "unexpected EOF")
        }
        index += 1
        command.redirections.append(Self.redirection(fd: fd, operator: op, target: target))
      case .unsupported(let text):
        throw ShellSyntaxError(message: "'\(text)' unexpected")
      default:
        break loop
      }
    }
    if command.words.isEmpty && command.assignments.isEmpty && command.redirections.isEmpty {
      throw peek().map { unexpected($0) } ?? ShellSyntaxError(message: "unexpected EOF")
    }
    return command
  }

  private static func redirection(fd: Int?, operator op: String, target: ShellWord) -> Redirection {
    switch op {
    case ">", ">>": Redirection(fd: fd ?? 1, kind: .output(append: op == ">>"), target: target)
    case "<": Redirection(fd: fd ?? 0, kind: .input, target: target)
    case "<&": Redirection(fd: fd ?? 0, kind: .duplicate, target: target)
    default: Redirection(fd: fd ?? 1, kind: .duplicate, target: target)
    }
  }

  /// `NAME=value` where NAME is a valid identifier written unquoted.
  private static func assignment(_ word: ShellWord) -> Assignment? {
    guard case .literal(let text, quoted: false)? = word.parts.first, let equals = text.firstIndex(of: "=") else {
      return nil
    }
    let name = text[..<equals]
    guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
      name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
    else { return nil }
    var parts = word.parts
    parts[0] = .literal(String(text[text.index(after: equals)...]), quoted: false)
    return Assignment(name: String(name), value: ShellWord(parts: parts))
  }

  private func unexpected(_ token: ShellToken) -> ShellSyntaxError {
    let text: String =
      switch token {
      case .word(let word): word.plainLiteral ?? "word"
      case .separator(let separator): separator == "\n" ? "newline" : separator
      case .and: "&&"
      case .or: "||"
      case .pipe: "|"
      case .redirect(_, let op): op
      case .unsupported(let text): text
      }
    return ShellSyntaxError(message: "'\(text)' unexpected")
  }
}
