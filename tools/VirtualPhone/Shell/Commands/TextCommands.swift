/// toybox text filters: `grep`, `wc`, `head`, `tail`, `tee`. Each reads files or standard input.
enum TextCommands {
  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("grep", GrepCommand.run)
    registry.register("egrep") { arguments, context in GrepCommand.run(["-E"] + arguments, &context) }
    registry.register("fgrep") { arguments, context in GrepCommand.run(["-F"] + arguments, &context) }
    registry.register("wc", wordCount)
    registry.register("head") { arguments, context in slice(arguments, &context, fromEnd: false) }
    registry.register("tail") { arguments, context in slice(arguments, &context, fromEnd: true) }
    registry.register("tee", tee)
    return registry
  }

  /// The inputs named by operands (`-` or none is standard input), with display names.
  static func inputs(_ operands: [String], _ context: inout ShellCommandContext) -> (
    inputs: [(name: String, bytes: [UInt8])], status: Int32
  ) {
    guard !operands.isEmpty else { return ([("-", context.readStandardInput())], 0) }
    var inputs: [(String, [UInt8])] = []
    var status: Int32 = 0
    for operand in operands {
      if operand == "-" {
        inputs.append(("-", context.readStandardInput()))
        continue
      }
      do { inputs.append((operand, try context.fileSystem.readFile(context.path(operand)))) } catch {
        status = context.fail(error, displayPath: operand)
      }
    }
    return (inputs, status)
  }

  /// Splits bytes into lines without their newlines (a final unterminated line counts).
  static func lines(_ bytes: [UInt8]) -> [Substring] {
    var text = Substring(String(decoding: bytes, as: UTF8.self))
    if text.hasSuffix("\n") { text = text.dropLast() }
    if text.isEmpty && bytes.isEmpty { return [] }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  static func wordCount(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "clwm")
    var wanted = options.flags.subtracting(["m"])
    if options.has("m") { wanted.insert("c") }
    if wanted.isEmpty { wanted = ["l", "w", "c"] }
    let (inputs, status) = self.inputs(options.operands, &context)
    var totals = [0, 0, 0]
    for input in inputs {
      let counts = [
        input.bytes.count { $0 == 0x0A },
        String(decoding: input.bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
          .count,
        input.bytes.count,
      ]
      for index in 0..<3 { totals[index] += counts[index] }
      context.print(line(counts, wanted, name: input.name == "-" ? nil : input.name))
    }
    if inputs.count > 1 { context.print(line(totals, wanted, name: "total")) }
    return status
  }

  /// toybox pads counts to 7 columns only when it prints more than one count per line.
  private static func line(_ counts: [Int], _ wanted: Set<Character>, name: String?) -> String {
    let selected = zip(["l", "w", "c"] as [Character], counts).filter { wanted.contains($0.0) }.map { String($0.1) }
    let fields =
      selected.count == 1
      ? selected : selected.map { String(repeating: " ", count: max(0, 7 - $0.count)) + $0 }
    return fields.joined(separator: " ") + (name.map { " \($0)" } ?? "") + "\n"
  }

  /// `head`/`tail` with `-n N` (or `-N`) lines, or `-c N` bytes; default 10 lines.
  static func slice(_ arguments: [String], _ context: inout ShellCommandContext, fromEnd: Bool) -> Int32 {
    var rewritten = arguments
    if let first = rewritten.first, first.count > 1, first.hasPrefix("-"), Int(first.dropFirst()) != nil {
      rewritten[0] = "-n" + first.dropFirst()
    }
    let options = CommandOptions(rewritten, flags: "qvf", valued: "nc")
    let (inputs, status) = self.inputs(options.operands, &context)
    for (index, input) in inputs.enumerated() {
      if inputs.count > 1 { context.print((index > 0 ? "\n" : "") + "==> \(input.name) <==\n") }
      if let byteText = options.values["c"], let count = Int(byteText.trimmingPrefix("+")) {
        context.write(Array(fromEnd ? input.bytes.suffix(count) : input.bytes.prefix(count)))
        continue
      }
      let count = Int(options.values["n"]?.trimmingPrefix("-") ?? "10") ?? 10
      let lines = self.lines(input.bytes)
      let chosen = fromEnd ? lines.suffix(count) : lines.prefix(count)
      context.print(chosen.map { $0 + "\n" }.joined())
    }
    return status
  }

  /// `tee [-a] FILE…`: copies standard input to standard output and to each file.
  static func tee(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "ai")
    let input = context.readStandardInput()
    var status: Int32 = 0
    for file in options.operands {
      do {
        if options.has("a") {
          try context.fileSystem.appendFile(context.path(file), contents: input)
        } else {
          try context.fileSystem.writeFile(
            context.path(file), contents: input, mode: 0o666, mtime: nil, createParents: false)
        }
      } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    context.write(input)
    return status
  }
}
