import ADB
import ArgumentParser

/// `droidmatrix devices [-l]`: the devices the adb server knows, like `adb devices`.
struct DevicesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "devices", abstract: "List the devices the adb server knows, or check one phone with --direct.")

  @OptionGroup var server: ServerOptions

  @Flag(name: .shortAndLong, help: "Also show product, model, device and transport id.")
  var long = false

  @OptionGroup var direct: DirectOptions

  func validate() throws {
    if direct.address != nil && server.server != nil {
      throw ValidationError("--direct lists the phone itself: it cannot be combined with --server")
    }
  }

  func run() async throws {
    let devices = try await Terminal.reportingErrors {
      // With --direct: the phone answers the handshake (or says why not), and is listed alone.
      if direct.address != nil { return try await withDirectConnection(direct) { [$0.info] } }
      return try await server.client().devices()
    }
    var text = "List of devices attached\n"
    for info in devices { text += Self.line(for: info, long: long) + "\n" }
    // adb ends the listing with a blank line.
    Terminal.write(text + "\n")
  }

  /// One device as `adb devices` prints it: `serial<TAB>state`, or with `long` the `-l` form.
  static func line(for info: ADBDeviceInfo, long: Bool) -> String {
    guard long else { return "\(info.serial)\t\(info.state)" }
    // adb prints "%-22s %s": the serial padded to 22 columns, then the state.
    var line = info.serial + String(repeating: " ", count: max(0, 22 - info.serial.count)) + " " + info.state
    if let path = info.devicePath { line += " \(path)" }
    if let product = info.product { line += " product:\(product)" }
    if let model = info.model { line += " model:\(model)" }
    if let device = info.device { line += " device:\(device)" }
    if let id = info.transportID { line += " transport_id:\(id)" }
    return line
  }
}
