import ADBWire
import Foundation
import NIOCore

/// Runs `shell:`, `shell,v2,…:` and `exec:` streams on the phone's shell.
///
/// A command runs once the stream opens; its output is framed as the request asks (raw, or
/// shell-v2 packets with an exit status) and the stream closes. An empty command is an
/// interactive shell: a prompt, typed lines echoed and run one at a time, until `exit` or the end
/// of stdin.
final class ShellService: PhoneService {
  /// What an interactive shell prints before each line.
  static let prompt = "vphone:/ $ "

  private let request: ShellRequest
  private let phone: VirtualPhone
  private let output: any ServiceOutput
  private var inbound = ByteBuffer()
  private var line: [UInt8] = []
  private var isClosed = false
  /// A v2 command waiting for its stdin: it runs at close-stdin, or, when no stdin has come at
  /// all, once ``stdinQuietPeriod`` has passed.
  private var pendingCommandInput: [UInt8]?
  /// Whether the host has sent stdin: it then means to feed the command, which waits for close-stdin.
  private var stdinStarted = false

  /// How long a v2 command waits for stdin that has neither started nor been closed. adbd
  /// connects the command to a pipe; this shell takes its stdin whole, so it waits for
  /// close-stdin (which adb sends at the end of its own stdin) or for this much silence.
  static let stdinQuietPeriod: Duration = .seconds(1)

  init(request: ShellRequest, phone: VirtualPhone, output: any ServiceOutput) {
    self.request = request
    self.phone = phone
    self.output = output
  }

  func start() {
    if request.isInteractive {
      emit(stdout: Array(Self.prompt.utf8), stderr: [])
      return
    }
    guard request.framing == .v2 else {
      runCommand(stdin: [])  // Without shell v2 there is no way to say where stdin ends.
      return
    }
    pendingCommandInput = []
    waitForQuietStdin()
  }

  private func runCommand(stdin: [UInt8]) {
    pendingCommandInput = nil
    let result = phone.runShell(request.command, stdin: stdin)
    output.after(result.delay) { [self] in
      emit(stdout: result.stdout, stderr: result.stderr)
      finish(status: result.exitStatus, reboot: result.rebootRequested)
    }
  }

  private func waitForQuietStdin() {
    output.after(Self.stdinQuietPeriod) { [self] in
      if !stdinStarted, let input = pendingCommandInput { runCommand(stdin: input) }
    }
  }

  func received(_ bytes: ByteBuffer) {
    guard !isClosed, request.isInteractive || pendingCommandInput != nil else { return }
    guard request.framing == .v2 else {
      type(Array(bytes.readableBytesView))
      return
    }
    inbound.writeImmutableBuffer(bytes)
    do {
      while let packet = try ShellPacket.read(from: &inbound) {
        switch (packet.kind, request.isInteractive) {
        case (.stdin, true): type(Array(packet.payload.readableBytesView))
        case (.closeStdin, true): finish(status: 0, reboot: false)
        case (.stdin, false):
          pendingCommandInput? += packet.payload.readableBytesView
          stdinStarted = true
        case (.closeStdin, false):
          if let input = pendingCommandInput { runCommand(stdin: input) }
        default: break  // Window-size changes do not matter to a line-based shell.
        }
      }
    } catch {
      emit(stdout: [], stderr: Array("shell protocol error: \(error)\n".utf8))
      finish(status: 255, reboot: false)
    }
  }

  func closedByHost() { isClosed = true }

  // MARK: - Interactive shell

  private func type(_ bytes: [UInt8]) {
    for byte in bytes where !isClosed {
      switch byte {
      case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
        let commandLine = String(decoding: line, as: UTF8.self)
        line.removeAll()
        emit(stdout: Array("\n".utf8), stderr: [])
        runInteractive(commandLine)
      case 0x7f, 0x08:  // DEL and BS erase the last character.
        if !line.isEmpty {
          line.removeLast()
          emit(stdout: [0x08, 0x20, 0x08], stderr: [])
        }
      case 0x04 where line.isEmpty:  // Ctrl-D on an empty line ends the shell.
        finish(status: 0, reboot: false)
      default:
        line.append(byte)
        emit(stdout: [byte], stderr: [])
      }
    }
  }

  private func runInteractive(_ commandLine: String) {
    let trimmed = commandLine.trimmingCharacters(in: .whitespaces)
    if trimmed == "exit" || trimmed.hasPrefix("exit ") {
      let status = Int32(trimmed.dropFirst(4).trimmingCharacters(in: .whitespaces)) ?? 0
      finish(status: status, reboot: false)
      return
    }
    guard !trimmed.isEmpty else {
      emit(stdout: Array(Self.prompt.utf8), stderr: [])
      return
    }
    let result = phone.runShell(commandLine)
    emit(stdout: result.stdout, stderr: result.stderr)
    if result.rebootRequested {
      output.dropConnection()
    } else {
      emit(stdout: Array(Self.prompt.utf8), stderr: [])
    }
  }

  // MARK: - Output

  private func emit(stdout: [UInt8], stderr: [UInt8]) {
    guard !isClosed else { return }
    let stdout = request.usesPTY ? Self.terminalLineEndings(stdout) : stdout
    let stderr = request.usesPTY ? Self.terminalLineEndings(stderr) : stderr
    var buffer = ByteBuffer()
    switch request.framing {
    case .none:
      // Without shell v2, stdout and stderr share the stream (AOSP `kShellProtocolNone`).
      buffer.writeBytes(stdout)
      buffer.writeBytes(stderr)
    case .v2:
      if !stdout.isEmpty { ShellPacket(.stdout, payload: ByteBuffer(bytes: stdout)).write(to: &buffer) }
      if !stderr.isEmpty { ShellPacket(.stderr, payload: ByteBuffer(bytes: stderr)).write(to: &buffer) }
    }
    if buffer.readableBytes > 0 { output.write(buffer) }
  }

  private func finish(status: Int32, reboot: Bool) {
    guard !isClosed else { return }
    if request.framing == .v2 {
      var buffer = ByteBuffer()
      ShellPacket.exit(status: UInt8(truncatingIfNeeded: status)).write(to: &buffer)
      output.write(buffer)
    }
    isClosed = true
    if reboot { output.dropConnection() } else { output.finish() }
  }

  /// A PTY's output processing (`ONLCR`): `\n` becomes `\r\n`.
  static func terminalLineEndings(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "\n")) else { return bytes }
    var converted: [UInt8] = []
    converted.reserveCapacity(bytes.count + bytes.count / 16)
    for byte in bytes {
      if byte == UInt8(ascii: "\n") { converted.append(UInt8(ascii: "\r")) }
      converted.append(byte)
    }
    return converted
  }
}
