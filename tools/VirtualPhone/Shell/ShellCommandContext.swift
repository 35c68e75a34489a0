/// What a command sees while it runs: the phone, its arguments' environment, standard input,
/// and the output it writes (kept in order, so `2>&1` interleaves as the command wrote).
struct ShellCommandContext {
  /// The phone the shell runs on.
  let phone: VirtualPhone
  /// The name the command was called by (`argv[0]`), for messages like `ls: /x: …`.
  let name: String
  /// The interpreter, for commands that run command lines (`sh -c`, `toybox`).
  let interpreter: ShellInterpreter
  /// Variables, working directory, `$?`, delay and exit requests; builtins change it.
  var environment: ShellEnvironment
  /// Writes in order: file descriptor and bytes.
  private(set) var writes: [(fd: Int, bytes: [UInt8])] = []
  private var input: [UInt8]
  /// Whether the command consumed standard input (so the next command does not see it again).
  private(set) var readInput = false

  init(phone: VirtualPhone, name: String, interpreter: ShellInterpreter, environment: ShellEnvironment, stdin: [UInt8])
  {
    self.phone = phone
    self.name = name
    self.interpreter = interpreter
    self.environment = environment
    self.input = stdin
  }

  var fileSystem: PhoneFileSystem { phone.fileSystem }
  var system: PhoneSystem { phone.system }

  /// Takes all of standard input.
  mutating func readStandardInput() -> [UInt8] {
    readInput = true
    defer { input = [] }
    return input
  }

  /// Writes text to standard output.
  mutating func print(_ text: String) {
    write(Array(text.utf8))
  }

  /// Writes bytes to standard output.
  mutating func write(_ bytes: [UInt8]) {
    append(bytes, fd: 1)
  }

  /// Writes text to standard error.
  mutating func printError(_ text: String) {
    append(Array(text.utf8), fd: 2)
  }

  /// Prints `NAME: MESSAGE` to standard error and returns `status`, the toybox error idiom.
  mutating func fail(_ message: String, status: Int32 = 1) -> Int32 {
    printError("\(name): \(message)\n")
    return status
  }

  /// Prints toybox's `NAME: PATH: strerror` for a file-system error and returns 1.
  mutating func fail(_ error: FileSystemError, displayPath: String? = nil) -> Int32 {
    fail("\(displayPath ?? error.path): \(error.message)")
  }

  /// The absolute path of an argument.
  func path(_ argument: String) -> String {
    environment.absolutePath(argument)
  }

  private mutating func append(_ bytes: [UInt8], fd: Int) {
    guard !bytes.isEmpty else { return }
    if let last = writes.last, last.fd == fd, last.bytes.count < 65536 {
      writes[writes.count - 1].bytes.append(contentsOf: bytes)
    } else {
      writes.append((fd, bytes))
    }
  }
}

/// A shell command: gets its arguments (without `argv[0]`) and returns its exit status.
typealias ShellCommand = @Sendable (_ arguments: [String], _ context: inout ShellCommandContext) -> Int32

/// The commands the shell knows, by name. Families of commands register themselves in
/// ``standard``; later features add theirs the same way.
struct ShellCommandRegistry: Sendable {
  private(set) var commands: [String: ShellCommand] = [:]

  /// Adds or replaces a command.
  mutating func register(_ name: String, _ command: @escaping ShellCommand) {
    commands[name] = command
  }

  /// Adds every command of another registry.
  mutating func register(_ other: ShellCommandRegistry) {
    commands.merge(other.commands) { _, new in new }
  }

  /// The implementation of a command.
  subscript(name: String) -> ShellCommand? { commands[name] }

  /// Every command of a stock phone's shell.
  static let standard: ShellCommandRegistry = {
    var registry = ShellCommandRegistry()
    for family in [
      BuiltinCommands.registry, FileCommands.registry, TextCommands.registry, PropertyCommands.registry,
      WindowCommands.registry, InputCommands.registry, ActivityCommands.registry, PackageCommands.registry,
      ScreenCommands.registry, VPhoneCommands.registry,
    ] {
      registry.register(family)
    }
    return registry
  }()
}
