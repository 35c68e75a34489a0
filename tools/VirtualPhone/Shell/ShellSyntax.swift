/// A word before expansion: literal text and expansions, each remembering whether it was
/// quoted (quoted parts are neither split into fields nor globbed).
struct ShellWord: Sendable, Hashable {
  enum Part: Sendable, Hashable {
    /// Text as written (after quote removal).
    case literal(String, quoted: Bool)
    /// `$NAME`, `${NAME}`, `$?`, `$$`, `$#`, `$0`…`$9`.
    case variable(String, quoted: Bool)
    /// `$(command line)` or `` `command line` ``.
    case commandSubstitution(String, quoted: Bool)
  }

  var parts: [Part]

  /// The word's text when it is a plain unquoted literal (used to spot `NAME=value` and `!`).
  var plainLiteral: String? {
    guard parts.count == 1, case .literal(let text, quoted: false) = parts[0] else { return nil }
    return text
  }
}

/// Control operators and redirections, as the lexer recognizes them.
enum ShellToken: Sendable, Hashable {
  case word(ShellWord)
  /// `;`, `&`, newline: end of a command.
  case separator(String)
  case and
  case or
  case pipe
  /// `[n]>`, `[n]>>`, `[n]>|`, `[n]<`, `[n]>&`, `[n]<&`.
  case redirect(fd: Int?, operator: String)
  /// Something this shell parses but does not support (`(`, `)`, `;;`, `<<`).
  case unsupported(String)
}

/// A parsed command line: and-or lists run one after another.
struct ShellScript: Sendable, Hashable {
  var lists: [AndOrList]
}

/// `pipeline && pipeline || pipeline …`.
struct AndOrList: Sendable, Hashable {
  enum Connector: Sendable, Hashable {
    case and
    case or
  }

  var first: Pipeline
  var rest: [(Connector, Pipeline)]

  static func == (lhs: AndOrList, rhs: AndOrList) -> Bool {
    lhs.first == rhs.first && lhs.rest.map(\.0) == rhs.rest.map(\.0) && lhs.rest.map(\.1) == rhs.rest.map(\.1)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(first)
    for (connector, pipeline) in rest {
      hasher.combine(connector)
      hasher.combine(pipeline)
    }
  }
}

/// `[!] command | command …`.
struct Pipeline: Sendable, Hashable {
  var negated: Bool
  var commands: [SimpleCommand]
}

/// Assignments, words and redirections of one command.
struct SimpleCommand: Sendable, Hashable {
  var assignments: [Assignment]
  var words: [ShellWord]
  var redirections: [Redirection]
}

/// `NAME=value`.
struct Assignment: Sendable, Hashable {
  var name: String
  var value: ShellWord
}

/// One redirection, applied left to right.
struct Redirection: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    /// `>` (truncate) or `>>` (append).
    case output(append: Bool)
    /// `<`.
    case input
    /// `n>&m` / `n<&m`: fd n becomes a copy of fd m (the target word names m, or `-`).
    case duplicate
  }

  var fd: Int
  var kind: Kind
  var target: ShellWord
}

/// A command line the shell cannot parse; the message follows `syntax error: `.
struct ShellSyntaxError: Error, Sendable, Hashable {
  var message: String
}
