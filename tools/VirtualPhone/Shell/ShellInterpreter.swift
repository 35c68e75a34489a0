/// A small POSIX-like `sh` with the behaviour of Android's /system/bin/sh (mksh) for the
/// command lines that adb clients send: quoting, `$VAR`, `;`, `&&`, `||`, pipes,
/// redirections and the toybox/Android commands registered in ``ShellCommandRegistry``.
///
/// ```swift
/// let result = ShellInterpreter(phone: phone).run("dumpsys window | grep mCurrentFocus", stdin: [])
/// ```
struct ShellInterpreter: Sendable {
  /// mksh prefixes its own messages with the program name.
  static let shellName = "/system/bin/sh"

  /// The phone whose file system and state the commands use.
  let phone: VirtualPhone
  /// The commands available by name.
  let commands: ShellCommandRegistry

  /// Creates an interpreter for a phone.
  init(phone: VirtualPhone, commands: ShellCommandRegistry = .standard) {
    self.phone = phone
    self.commands = commands
  }

  /// Runs one command line as `sh -c` would.
  /// - Parameters:
  ///   - commandLine: the command line.
  ///   - stdin: bytes available on standard input.
  /// - Returns: the output, exit status, simulated duration and reboot request.
  func run(_ commandLine: String, stdin: [UInt8]) -> ShellResult {
    var environment = ShellEnvironment.initial
    var output = StreamPair()
    let status = run(commandLine, stdin: stdin, environment: &environment, output: &output)
    return ShellResult(
      stdout: output.stdout, stderr: output.stderr, exitStatus: status, delay: environment.delay,
      rebootRequested: environment.rebootRequested)
  }

  /// Runs a command line in an existing environment (for `sh -c` and `$(…)`).
  func run(_ commandLine: String, stdin: [UInt8], environment: inout ShellEnvironment, output: inout StreamPair)
    -> Int32
  {
    let script: ShellScript
    do {
      script = try ShellParser.parse(commandLine)
    } catch {
      output.stderr += Array("\(Self.shellName): syntax error: \(error.message)\n".utf8)
      return 1
    }
    var input = stdin
    for list in script.lists {
      var status = runPipeline(list.first, stdin: &input, environment: &environment, output: &output)
      for (connector, pipeline) in list.rest where environment.exitRequested == nil {
        // `a && b` runs b only after success, `a || b` only after failure.
        if (connector == .and) == (status == 0) {
          status = runPipeline(pipeline, stdin: &input, environment: &environment, output: &output)
        }
      }
      if environment.exitRequested != nil { break }
    }
    return environment.exitRequested ?? environment.lastStatus
  }

  // MARK: - Pipelines

  private func runPipeline(
    _ pipeline: Pipeline, stdin: inout [UInt8], environment: inout ShellEnvironment, output: inout StreamPair
  ) -> Int32 {
    var status: Int32
    if pipeline.commands.count == 1 {
      status = runCommand(pipeline.commands[0], stdin: &stdin, environment: &environment, output: &output)
    } else {
      // Each stage runs in a subshell: `cd` or `exit` there does not touch this shell.
      // Stages run one after another; a stage's output is the next stage's input.
      var pipe: [UInt8] = []
      status = 0
      for (position, command) in pipeline.commands.enumerated() {
        var stageEnvironment = environment
        var stageOutput = StreamPair()
        var stageInput = position == 0 ? stdin : pipe
        status = runCommand(command, stdin: &stageInput, environment: &stageEnvironment, output: &stageOutput)
        if position == 0 { stdin = stageInput }
        environment.delay = stageEnvironment.delay
        environment.rebootRequested = stageEnvironment.rebootRequested
        output.stderr += stageOutput.stderr
        if position == pipeline.commands.count - 1 {
          output.stdout += stageOutput.stdout
        } else {
          pipe = stageOutput.stdout
        }
      }
    }
    if pipeline.negated { status = status == 0 ? 1 : 0 }
    environment.lastStatus = status
    return status
  }

  // MARK: - Simple commands

  private func runCommand(
    _ command: SimpleCommand, stdin: inout [UInt8], environment: inout ShellEnvironment, output: inout StreamPair
  ) -> Int32 {
    let expander = ShellExpander(interpreter: self)
    let arguments = expander.expand(command.words, environment: &environment, output: &output)
    var redirections = Redirections(fileSystem: phone.fileSystem)
    var input = stdin
    if let failure = redirections.apply(
      command.redirections, expander: expander, environment: &environment, output: &output, stdin: &input)
    {
      output.stderr += Array("\(Self.shellName): \(failure)\n".utf8)
      return 1
    }
    let assignments = command.assignments.map {
      ($0.name, expander.expandSingle($0.value, environment: &environment, output: &output))
    }
    guard let name = arguments.first else {
      for (name, value) in assignments { environment.variables[name] = value }
      return 0
    }
    // Assignments before a command apply to that command only.
    var commandEnvironment = environment
    for (name, value) in assignments { commandEnvironment.variables[name] = value }
    var context = ShellCommandContext(
      phone: phone, name: name, interpreter: self, environment: commandEnvironment, stdin: input)
    let status: Int32
    if let body = lookUp(name) {
      status = body(Array(arguments.dropFirst()), &context)
    } else {
      context.printError("\(Self.shellName): \(name): not found\n")
      status = 127
    }
    if context.readInput { stdin = [] }
    let saved = environment.variables
    environment = context.environment
    if !assignments.isEmpty { environment.variables = saved }
    redirections.route(context.writes, into: &output)
    return status
  }

  /// Finds a command by name or by path (`/system/bin/ls` runs `ls` if that file exists).
  func lookUp(_ name: String) -> ShellCommand? {
    guard name.contains("/") else { return commands[name] }
    guard phone.fileSystem.exists(name), let base = name.split(separator: "/").last else { return nil }
    return commands[String(base)]
  }
}
