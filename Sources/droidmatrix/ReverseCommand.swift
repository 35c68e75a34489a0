import ADB
import ArgumentParser

/// `droidmatrix reverse`: connections to a listener on the device come back to a socket on this
/// computer, like `adb reverse`.
struct ReverseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reverse",
    abstract: "Forward a port or socket on the device to this computer.",
    discussion: "Examples: reverse tcp:8081 tcp:8081 · reverse tcp:0 tcp:3000 · reverse --list")

  @OptionGroup var target: DeviceOptions
  @OptionGroup var options: ForwardOptions

  func run() async throws {
    try await Terminal.reportingErrors {
      try await target.withDevice { device in try await run(on: device) }
    }
  }

  private func run(on device: any ADBDevice) async throws {
    if target.isNative, case .add = options.action {
      Terminal.write(
        "droidmatrix: with --direct or --usb, a reverse lives only as long as this connection; "
          + "this command keeps it open until interrupted\n", to: Terminal.standardError)
    }
    switch options.action {
    case .list:
      for forward in try await device.listReverses() {
        Terminal.write("\(forward.serial) \(forward.local) \(forward.remote)\n")
      }
    case .remove(let local):
      try await device.removeReverse(device: local)
    case .removeAll:
      try await device.removeAllReverses()
    case .add(let local, let remote, let noRebind):
      let port = try await device.reverse(device: local, host: remote, noRebind: noRebind)
      if local == "tcp:0", let port { Terminal.write("\(port)\n") }
      if target.isNative { try await Terminal.waitUntilInterrupted() }
    }
  }
}
