/// Splits a command line into words and operators the way mksh's lexer does: quotes,
/// backslash escapes, `$` expansions kept for later, comments, and operators.
struct ShellTokenizer {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var tokens: [ShellToken] = []
  private var parts: [ShellWord.Part] = []
  /// Whether the current word has begun (an empty `''` still makes a word).
  private var inWord = false

  init(_ line: String) {
    scalars = Array(line.unicodeScalars)
  }

  /// Tokenizes a whole command line.
  /// - Throws: ``ShellSyntaxError`` for an unterminated quote or substitution.
  static func tokenize(_ line: String) throws(ShellSyntaxError) -> [ShellToken] {
    var tokenizer = ShellTokenizer(line)
    return try tokenizer.run()
  }

  private mutating func run() throws(ShellSyntaxError) -> [ShellToken] {
    while let scalar = peek() {
      switch scalar {
      case " ", "\t":
        finishWord()
        index += 1
      case "\n":
        finishWord()
        tokens.append(.separator("\n"))
        index += 1
      case "#" where !inWord:
        while let next = peek(), next != "\n" { index += 1 }
      case "'":
        index += 1
        guard let end = scalars[index...].firstIndex(of: "'") else {
          throw ShellSyntaxError(message: "no closing quote")
        }
        literal(String(String.UnicodeScalarView(scalars[index..<end])), quoted: true)
        index = end + 1
      case "\"":
        index += 1
        try doubleQuoted()
      case "\\":
        index += 1
        guard let next = peek() else { break }  // a trailing backslash is dropped, as in mksh -c
        index += 1
        if next != "\n" { literal(String(next), quoted: true) }
      case "$":
        try dollar(quoted: false)
      case "`":
        index += 1
        try backquoted(quoted: false)
      case ";", "&", "|", "<", ">", "(", ")":
        try operatorToken()
      default:
        literal(String(scalar), quoted: false)
        index += 1
      }
    }
    finishWord()
    return tokens
  }

  // MARK: - Words

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func literal(_ text: String, quoted: Bool) {
    inWord = true
    if case .literal(let previous, let wasQuoted)? = parts.last, wasQuoted == quoted {
      parts[parts.count - 1] = .literal(previous + text, quoted: quoted)
    } else {
      parts.append(.literal(text, quoted: quoted))
    }
  }

  private mutating func finishWord() {
    if inWord { tokens.append(.word(ShellWord(parts: parts))) }
    parts = []
    inWord = false
  }

  /// Inside `"…"` a backslash escapes only `$`, `` ` ``, `"`, `\` and newline (POSIX 2.2.3).
  private mutating func doubleQuoted() throws(ShellSyntaxError) {
    inWord = true
    literal("", quoted: true)
    while let scalar = peek() {
      switch scalar {
      case "\"":
        index += 1
        return
      case "\\":
        let next = peek(1)
        if let next, "$`\"\\\n".unicodeScalars.contains(next) {
          if next != "\n" { literal(String(next), quoted: true) }
          index += 2
        } else {
          literal("\\", quoted: true)
          index += 1
        }
      case "$":
        try dollar(quoted: true)
      case "`":
        index += 1
        try backquoted(quoted: true)
      default:
        literal(String(scalar), quoted: true)
        index += 1
      }
    }
    throw ShellSyntaxError(message: "no closing quote")
  }

  /// `$NAME`, `${NAME}`, `$?`, `$(…)`; a `$` followed by anything else is literal.
  private mutating func dollar(quoted: Bool) throws(ShellSyntaxError) {
    index += 1
    guard let next = peek() else { return literal("$", quoted: quoted) }
    if next == "{" {
      guard let end = scalars[index...].firstIndex(of: "}") else { throw ShellSyntaxError(message: "missing '}'") }
      variable(String(String.UnicodeScalarView(scalars[(index + 1)..<end])), quoted: quoted)
      index = end + 1
    } else if next == "(" {
      index += 1
      try substitution(closing: ")", quoted: quoted)
    } else if "?$#!-*@".unicodeScalars.contains(next) || next.properties.numericType != nil {
      variable(String(next), quoted: quoted)
      index += 1
    } else if next == "_" || next.properties.isAlphabetic {
      let start = index
      while let scalar = peek(), scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        index += 1
      }
      variable(String(String.UnicodeScalarView(scalars[start..<index])), quoted: quoted)
    } else {
      literal("$", quoted: quoted)
    }
  }

  private mutating func variable(_ name: String, quoted: Bool) {
    inWord = true
    parts.append(.variable(name, quoted: quoted))
  }

  private mutating func backquoted(quoted: Bool) throws(ShellSyntaxError) {
    try substitution(closing: "`", quoted: quoted)
  }

  /// Captures the text of `$(…)` (counting nested parentheses, skipping quotes) or `` `…` ``.
  private mutating func substitution(closing: Unicode.Scalar, quoted: Bool) throws(ShellSyntaxError) {
    let start = index
    var depth = 0
    var quote: Unicode.Scalar?
    while let scalar = peek() {
      if let open = quote {
        if scalar == open { quote = nil }
      } else if scalar == "'" || scalar == "\"" {
        quote = scalar
      } else if scalar == "(" && closing == ")" {
        depth += 1
      } else if scalar == closing {
        if depth == 0 {
          inWord = true
          parts.append(.commandSubstitution(String(String.UnicodeScalarView(scalars[start..<index])), quoted: quoted))
          index += 1
          return
        }
        depth -= 1
      }
      index += 1
    }
    throw ShellSyntaxError(message: closing == "`" ? "no closing quote" : "missing ')'")
  }

  // MARK: - Operators

  private mutating func operatorToken() throws(ShellSyntaxError) {
    let scalar = scalars[index]
    // An all-digit word right before < or > is the fd the redirection applies to.
    var fd: Int?
    if scalar == "<" || scalar == ">", parts.count == 1, case .literal(let text, quoted: false) = parts[0],
      let number = Int(text), text.allSatisfy(\.isASCII)
    {
      fd = number
      parts = []
      inWord = false
    }
    finishWord()
    let next = peek(1)
    func emit(_ token: ShellToken, length: Int) {
      tokens.append(token)
      index += length
    }
    switch scalar {
    case ";": next == ";" ? emit(.unsupported(";;"), length: 2) : emit(.separator(";"), length: 1)
    case "&":
      if next == "&" {
        emit(.and, length: 2)
      } else if next == ">" {
        emit(.unsupported("&>"), length: 2)
      } else {
        emit(.separator("&"), length: 1)
      }
    case "|": next == "|" ? emit(.or, length: 2) : emit(.pipe, length: 1)
    case ">":
      switch next {
      case ">": emit(.redirect(fd: fd, operator: ">>"), length: 2)
      case "&": emit(.redirect(fd: fd, operator: ">&"), length: 2)
      case "|": emit(.redirect(fd: fd, operator: ">"), length: 2)
      default: emit(.redirect(fd: fd, operator: ">"), length: 1)
      }
    case "<":
      switch next {
      case "<": emit(.unsupported("<<"), length: 2)
      case "&": emit(.redirect(fd: fd, operator: "<&"), length: 2)
      default: emit(.redirect(fd: fd, operator: "<"), length: 1)
      }
    default: emit(.unsupported(String(scalar)), length: 1)
    }
  }
}
