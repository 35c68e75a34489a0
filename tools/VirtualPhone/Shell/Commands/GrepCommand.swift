/// toybox `grep`: basic (default), extended (`-E`) or fixed (`-F`) patterns matched per line,
/// with `-i -v -c -q -n -o -l -e PATTERN`. Exit 0 on a match, 1 on none, 2 on an error.
enum GrepCommand {
  static func run(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var options = CommandOptions(arguments, flags: "EFivcqnolhHswx", valued: "e")
    if let unknown = options.unknown { return context.fail("Unknown option '\(unknown)'", status: 2) }
    var patterns = options.values["e"].map { [$0] } ?? []
    if patterns.isEmpty {
      guard !options.operands.isEmpty else { return context.fail("no pattern", status: 2) }
      patterns = [options.operands.removeFirst()]
    }
    let matchers: [(Substring) -> [Range<Substring.Index>]]
    do {
      matchers = try patterns.map { try matcher(for: $0, options) }
    } catch {
      return context.fail("bad regex '\(patterns[0])'", status: 2)
    }
    let (inputs, status) = TextCommands.inputs(options.operands, &context)
    let showNames = (inputs.count > 1 || options.has("H")) && !options.has("h")
    var matchedAny = false
    for input in inputs {
      var count = 0
      for (number, line) in TextCommands.lines(input.bytes).enumerated() {
        let ranges = matchers.flatMap { $0(line) }
        guard ranges.isEmpty == options.has("v") else { continue }
        count += 1
        matchedAny = true
        if options.has("q") { return 0 }
        if options.has("c") || options.has("l") { continue }
        let prefix = (showNames ? "\(input.name):" : "") + (options.has("n") ? "\(number + 1):" : "")
        if options.has("o") && !options.has("v") {
          for range in ranges where !range.isEmpty { context.print(prefix + line[range] + "\n") }
        } else {
          context.print(prefix + line + "\n")
        }
      }
      if options.has("c") { context.print((showNames ? "\(input.name):" : "") + "\(count)\n") }
      if options.has("l") && count > 0 { context.print(input.name == "-" ? "(standard input)\n" : "\(input.name)\n") }
    }
    if status != 0 && !options.has("s") { return 2 }
    return matchedAny ? 0 : 1
  }

  /// Builds a line matcher that returns the ranges where the pattern matches.
  private static func matcher(for pattern: String, _ options: CommandOptions) throws -> (Substring) -> [Range<
    Substring.Index
  >] {
    let source: String
    if options.has("F") {
      source = escapedLiteral(pattern)
    } else if options.has("E") {
      source = pattern
    } else {
      source = extendedFromBasic(pattern)
    }
    var regex = try Regex(options.has("x") ? "^(?:\(source))$" : (options.has("w") ? "\\b(?:\(source))\\b" : source))
    if options.has("i") { regex = regex.ignoresCase() }
    let compiled = regex
    return { line in Array(line.ranges(of: compiled)) }
  }

  /// Quotes every regex metacharacter.
  static func escapedLiteral(_ text: String) -> String {
    var output = ""
    for character in text {
      if "\\^$.|?*+()[]{}/".contains(character) { output.append("\\") }
      output.append(character)
    }
    return output
  }

  /// POSIX basic regex → extended: in BRE `+ ? | ( ) { }` are literal and their backslashed
  /// forms are operators (GNU/toybox extension).
  static func extendedFromBasic(_ pattern: String) -> String {
    var output = ""
    var characters = pattern[...]
    while let character = characters.popFirst() {
      if character == "\\", let next = characters.first, "+?|(){}".contains(next) {
        output.append(next)
        characters = characters.dropFirst()
      } else if character == "\\", let next = characters.popFirst() {
        output.append(character)
        output.append(next)
      } else if "+?|(){}".contains(character) {
        output.append("\\")
        output.append(character)
      } else {
        output.append(character)
      }
    }
    return output
  }
}
