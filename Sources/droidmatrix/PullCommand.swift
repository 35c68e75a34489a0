import ADB
import ArgumentParser

/// `droidmatrix pull [-s SERIAL] REMOTE… LOCAL`: copies files or directories from the device.
struct PullCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull", abstract: "Copy files or directories from the device to this computer.")

  @OptionGroup var target: DeviceOptions

  @Argument(help: "One or more paths on the device, then the local destination (default: the current directory).")
  var paths: [String] = []

  func validate() throws {
    guard !paths.isEmpty else { throw ValidationError("give at least one REMOTE path") }
  }

  func run() async throws {
    // Like adb, a lone REMOTE lands in the current directory.
    let sources = paths.count == 1 ? paths[...] : paths.dropLast()
    let destination = paths.count == 1 ? "." : paths[paths.count - 1]
    let summary = try await Terminal.reportingErrors {
      try await target.withDevice { device in
        var summaries: [TransferSummary] = []
        for source in sources {
          summaries.append(try await device.pull(source, to: destination, progress: TransferReport.progressBar()))
        }
        return TransferReport.total(summaries)
      }
    }
    TransferReport.printSummary(summary, verb: "pulled")
  }
}
