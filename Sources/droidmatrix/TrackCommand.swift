import ADB
import ArgumentParser

/// `droidmatrix track`: prints the device list now and after every change, until Ctrl-C.
struct TrackCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "track",
    abstract: "Print the device list on every change (until Ctrl-C).",
    discussion: """
      Each change prints the full list, one device per line, then a blank line. When the adb \
      server restarts, tracking resumes with the new server.
      """)

  @OptionGroup var server: ServerOptions

  @Flag(name: .shortAndLong, help: "Also show product, model, device and transport id.")
  var long = false

  func run() async throws {
    try await Terminal.reportingErrors {
      for try await devices in try server.client().trackDevices() {
        let lines = devices.map { DevicesCommand.line(for: $0, long: long) + "\n" }
        Terminal.write(lines.joined() + "\n")
      }
    }
  }
}
