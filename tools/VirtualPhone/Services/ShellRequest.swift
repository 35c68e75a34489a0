/// A parsed `shell:`/`shell,<options>:`/`exec:` service name (AOSP `daemon/services.cpp`,
/// `ShellProtocolArgs`): which protocol frames the stream, whether a PTY is emulated, and the
/// command line (empty for an interactive shell).
struct ShellRequest: Equatable {
  /// How output is framed.
  enum Framing: Equatable {
    /// Raw bytes, stdout and stderr merged, no exit status (`shell:`, `exec:`).
    case none
    /// Shell protocol v2 packets (`shell,v2,…:`).
    case v2
  }

  var framing: Framing
  /// Whether a terminal is emulated: output `\n` becomes `\r\n` and typed input is echoed.
  var usesPTY: Bool
  /// The command line given to `sh -c`; empty means an interactive shell.
  var command: String

  /// Parses `shell:CMD` or `shell,OPT,OPT:CMD`; unknown options are ignored, as adbd does.
  /// Returns nil for a name that is neither.
  init?(service: String) {
    guard let colon = service.firstIndex(of: ":") else { return nil }
    let head = service[..<colon]
    var options: [Substring] = []
    if head == "shell" {
      options = []
    } else if head.hasPrefix("shell,") {
      options = head.dropFirst("shell,".count).split(separator: ",")
    } else {
      return nil
    }
    command = String(service[service.index(after: colon)...])
    framing = options.contains("v2") ? .v2 : .none
    // adbd's default: a PTY for an interactive shell, raw for a command; options override.
    usesPTY = options.contains("pty") || (!options.contains("raw") && command.isEmpty)
  }

  /// An `exec:` request: raw and binary-safe, never a PTY.
  init(exec command: String) {
    framing = .none
    usesPTY = false
    self.command = command
  }

  /// Whether the host asked for an interactive shell.
  var isInteractive: Bool { command.isEmpty }
}
