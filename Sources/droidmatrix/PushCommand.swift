import ADB
import ArgumentParser

/// `droidmatrix push [-s SERIAL] LOCAL… REMOTE`: copies files or directories to the device.
struct PushCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "push", abstract: "Copy files or directories from this computer to the device.")

  @OptionGroup var target: DeviceOptions

  @Argument(
    help:
      "One or more local files or directories, then the destination on the device (an existing directory for several).")
  var paths: [String] = []

  func validate() throws {
    guard paths.count >= 2 else { throw ValidationError("give at least one LOCAL path and the REMOTE destination") }
  }

  func run() async throws {
    let sources = paths.dropLast()
    let destination = paths[paths.count - 1]
    let summary = try await Terminal.reportingErrors {
      try await target.withDevice { device in
        var summaries: [TransferSummary] = []
        for source in sources {
          summaries.append(try await device.push(source, to: destination, progress: TransferReport.progressBar()))
        }
        return TransferReport.total(summaries)
      }
    }
    TransferReport.printSummary(summary, verb: "pushed")
  }
}
