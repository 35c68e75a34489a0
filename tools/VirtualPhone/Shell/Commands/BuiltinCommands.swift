/// mksh builtins and small toybox commands about the shell itself: `exit`, `true`, `false`,
/// `cd`, `pwd`, `sleep`, `echo`, `export`, `unset`, `env`, `sh`, `toybox`, `id`, `whoami`,
/// `uname`, `date`, `which`, `reboot`, `log`, `logcat`. `test`/`[` live in TestCommand.swift.
enum BuiltinCommands {
  /// `uname -r` of the phone's kernel.
  static let kernelRelease = "5.10.149-android13-4-00003-g05231a35ff43"
  /// `id` of adbd's shell user on Android 13.
  static let shellIdentity =
    "uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),1015(sdcard_rw),1028(sdcard_r),1078(ext_data_rw),1079(ext_obb_rw),3001(net_bt_admin),3002(net_bt),3003(inet),3006(net_bw_stats),3009(readproc),3011(uhid),3012(readtracefs) context=u:r:shell:s0"

  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("true") { _, _ in 0 }
    registry.register("false") { _, _ in 1 }
    registry.register(":") { _, _ in 0 }
    registry.register("exit", exit)
    registry.register("cd", changeDirectory)
    registry.register("pwd") { _, context in
      context.print(context.environment.workingDirectory + "\n")
      return 0
    }
    registry.register("sleep", sleep)
    registry.register("echo", echo)
    registry.register("export", export)
    registry.register("unset") { arguments, context in
      for name in arguments { context.environment.variables[name] = nil }
      return 0
    }
    registry.register("env") { _, context in
      context.print(context.environment.variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
      return 0
    }
    registry.register("sh", shell)
    registry.register("toybox", toybox)
    registry.register("id", identity)
    registry.register("whoami") { _, context in
      context.print("shell\n")
      return 0
    }
    registry.register("uname", uname)
    registry.register("date", date)
    registry.register("which", which)
    registry.register("reboot") { _, context in
      context.environment.rebootRequested = true
      return 0
    }
    // The phone keeps no log buffer: `log` accepts a message, `logcat -d` has nothing to dump.
    registry.register("log") { _, _ in 0 }
    registry.register("logcat") { _, _ in 0 }
    registry.register("test", TestCommand.run)
    registry.register("[", TestCommand.run)
    return registry
  }

  static func exit(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard let argument = arguments.first else {
      context.environment.exitRequested = context.environment.lastStatus
      return context.environment.lastStatus
    }
    guard let status = Int(argument) else {
      context.printError("\(ShellInterpreter.shellName): exit: \(argument): bad number\n")
      context.environment.exitRequested = 1
      return 1
    }
    // The exit status is the low byte, as waitpid reports it.
    let code = Int32(truncatingIfNeeded: status & 0xFF)
    context.environment.exitRequested = code
    return code
  }

  static func changeDirectory(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let target = arguments.first ?? context.environment.variables["HOME"] ?? "/"
    let path = normalized(context.path(target))
    do {
      guard try context.fileSystem.stat(path).kind == .directory else {
        context.printError("\(ShellInterpreter.shellName): cd: \(target): Not a directory\n")
        return 2
      }
    } catch {
      context.printError("\(ShellInterpreter.shellName): cd: \(target): \(error.message)\n")
      return 2
    }
    context.environment.workingDirectory = path
    context.environment.variables["PWD"] = path
    return 0
  }

  /// Lexical normalisation (mksh's logical `cd`): removes `.`, `..` and repeated slashes.
  static func normalized(_ path: String) -> String {
    var components: [Substring] = []
    for component in path.split(separator: "/") where component != "." {
      if component == ".." { _ = components.popLast() } else { components.append(component) }
    }
    return "/" + components.joined(separator: "/")
  }

  static func sleep(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard !arguments.isEmpty else { return context.fail("Need 1 argument") }
    var total = 0.0
    for argument in arguments {
      // toybox accepts fractions and the suffixes s, m, h, d.
      let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
      var number = Substring(argument)
      var scale = 1.0
      if let last = number.last, let unit = units[last] {
        scale = unit
        number = number.dropLast()
      }
      guard let value = Double(number), value >= 0 else { return context.fail("Not a number '\(argument)'") }
      total += value * scale
    }
    context.environment.delay += .milliseconds(Int64((total * 1000).rounded()))
    return 0
  }

  static func echo(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var newline = true
    var escapes = false
    var words = arguments[...]
    while let flag = words.first, flag.count > 1, flag.hasPrefix("-"),
      flag.dropFirst().allSatisfy({ "neE".contains($0) })
    {
      for option in flag.dropFirst() {
        switch option {
        case "n": newline = false
        case "e": escapes = true
        default: escapes = false
        }
      }
      words = words.dropFirst()
    }
    var text = words.joined(separator: " ")
    if escapes {
      let (expanded, stop) = EscapeSequences.expand(text)
      text = expanded
      if stop { newline = false }
    }
    context.print(text + (newline ? "\n" : ""))
    return 0
  }

  static func export(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    for argument in arguments {
      if let equals = argument.firstIndex(of: "=") {
        context.environment.variables[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
      }
    }
    return 0
  }

  static func shell(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard arguments.first == "-c", arguments.count >= 2 else {
      // An interactive shell would read commands from standard input.
      let script = String(decoding: context.readStandardInput(), as: UTF8.self)
      return runNested(script, &context)
    }
    return runNested(arguments[1], &context)
  }

  static func runNested(_ line: String, _ context: inout ShellCommandContext) -> Int32 {
    var environment = context.environment
    environment.exitRequested = nil
    var output = StreamPair()
    let status = context.interpreter.run(line, stdin: [], environment: &environment, output: &output)
    context.environment.delay = environment.delay
    context.environment.rebootRequested = environment.rebootRequested
    context.write(output.stdout)
    context.printError(String(decoding: output.stderr, as: UTF8.self))
    return status
  }

  static func toybox(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard let name = arguments.first else {
      context.print(FileCommands.toyboxCommands.joined(separator: " ") + "\n")
      return 0
    }
    guard let command = context.interpreter.commands[name] else { return context.fail("Unknown command \(name)") }
    var nested = ShellCommandContext(
      phone: context.phone, name: name, interpreter: context.interpreter, environment: context.environment,
      stdin: context.readStandardInput())
    let status = command(Array(arguments.dropFirst()), &nested)
    context.environment = nested.environment
    for (fd, bytes) in nested.writes {
      if fd == 1 { context.write(bytes) } else { context.printError(String(decoding: bytes, as: UTF8.self)) }
    }
    return status
  }

  static func identity(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let flags = Set(arguments.filter { $0.hasPrefix("-") }.flatMap { $0.dropFirst() })
    if flags.contains("u") || flags.contains("g") {
      context.print((flags.contains("n") ? "shell" : "2000") + "\n")
    } else if flags.contains("G") {
      context.print("2000 1004 1007 1011 1015 1028 1078 1079 3001 3002 3003 3006 3009 3011 3012\n")
    } else {
      context.print(shellIdentity + "\n")
    }
    return 0
  }

  static func uname(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let flags = Set(arguments.flatMap { $0.dropFirst() })
    let all = flags.contains("a")
    var fields: [String] = []
    if all || flags.contains("s") || flags.isEmpty { fields.append("Linux") }
    if all || flags.contains("n") { fields.append("localhost") }
    if all || flags.contains("r") { fields.append(kernelRelease) }
    if all || flags.contains("v") { fields.append("#1 SMP PREEMPT Mon Oct 2 12:00:00 UTC 2023") }
    if all || flags.contains("m") { fields.append("aarch64") }
    if all || flags.contains("o") { fields.append("Toybox") }
    context.print(fields.joined(separator: " ") + "\n")
    return 0
  }

  static func date(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let now = context.fileSystem.now
    let format = arguments.first { $0.hasPrefix("+") }.map { String($0.dropFirst()) } ?? "%a %b %e %H:%M:%S %Z %Y"
    context.print(CivilTime(unixTime: now).formatted(format, unixTime: now) + "\n")
    return 0
  }

  static func which(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var status: Int32 = 0
    for name in arguments where !name.hasPrefix("-") {
      if context.interpreter.lookUp(name) != nil, !["cd", "exit", "export", "unset", ":"].contains(name) {
        context.print((name.contains("/") ? name : "/system/bin/\(name)") + "\n")
      } else {
        status = 1
      }
    }
    return status
  }
}
