/// What one shell command line produced on the phone.
public struct ShellResult: Sendable, Hashable {
  /// Bytes written to standard output.
  public var stdout: [UInt8]
  /// Bytes written to standard error.
  public var stderr: [UInt8]
  /// The exit status of the last command (or of `exit N`); 127 for an unknown command.
  public var exitStatus: Int32
  /// How long the command line "takes" on the phone (from `sleep`); the server waits this
  /// long before answering, the interpreter itself never blocks.
  public var delay: Duration
  /// Whether the line ran `reboot`: the server drops the connection and the phone restarts.
  public var rebootRequested: Bool

  /// Creates a result.
  public init(
    stdout: [UInt8] = [], stderr: [UInt8] = [], exitStatus: Int32 = 0, delay: Duration = .zero,
    rebootRequested: Bool = false
  ) {
    self.stdout = stdout
    self.stderr = stderr
    self.exitStatus = exitStatus
    self.delay = delay
    self.rebootRequested = rebootRequested
  }

  /// Standard output decoded as UTF-8 (invalid bytes become U+FFFD).
  public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error decoded as UTF-8.
  public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}
