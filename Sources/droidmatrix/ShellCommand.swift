import ADB
import ArgumentParser

/// `droidmatrix shell [-s SERIAL] -- CMD…`: runs a command on the device, like `adb shell`.
struct ShellCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Run a command on the device.",
    discussion: """
      The words are joined with spaces and run by the device's `sh -c`, as `adb shell` does, so \
      quote for the device's shell. stdout and stderr stay apart and the exit status is the \
      command's (devices without shell v2 merge stderr into stdout and report 0).
      """)

  @OptionGroup var target: DeviceOptions

  @Argument(parsing: .captureForPassthrough, help: "The command and its arguments (after `--`).")
  var command: [String] = []

  /// The words after an optional `--`.
  var words: [String] { command.first == "--" ? Array(command.dropFirst()) : command }

  func validate() throws {
    guard !words.isEmpty else {
      throw ValidationError("give a command to run (interactive shells are not supported yet)")
    }
  }

  func run() async throws {
    // Output is written as it arrives, so long-running commands show progress.
    let exitStatus = try await Terminal.reportingErrors {
      try await target.withDevice { device in
        try await device.shell(words.joined(separator: " ")) { chunk in
          switch chunk {
          case .stdout(let bytes): Terminal.write(bytes, to: Terminal.standardOutput)
          case .stderr(let bytes): Terminal.write(bytes, to: Terminal.standardError)
          }
        }
      }
    }
    let status = exitStatus ?? 0
    if status != 0 { throw ExitCode(status) }
  }
}
