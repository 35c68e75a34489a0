import ADB
import ArgumentParser

/// `droidmatrix devices [-l]`: the devices the adb server knows, like `adb devices`.
struct DevicesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "devices",
    abstract: "List the devices the adb server knows, the phones on USB (--usb), or check one phone (--direct).",
    discussion: """
      --usb lists phones with an ADB interface found through libusb, without connecting to them: \
      the state is `attached`, or why the phone cannot be opened (`busy` when an adb server holds \
      it, `no permissions` when udev rules are missing).
      """)

  @OptionGroup var server: ServerOptions

  @Flag(name: .shortAndLong, help: "Also show product, model, device and transport id.")
  var long = false

  @OptionGroup var native: NativeOptions

  func validate() throws {
    if native.isNative && server.server != nil {
      throw ValidationError("--direct and --usb list phones themselves: they cannot be combined with --server")
    }
  }

  func run() async throws {
    let devices = try await Terminal.reportingErrors {
      if native.usb { return try USBHost.devices().map(Self.info(for:)) }
      // With --direct: the phone answers the handshake (or says why not), and is listed alone.
      if native.address != nil { return try await withNativeConnection(native) { [$0.info] } }
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

  /// A USB phone as a listing line: `attached`, or why it cannot be opened.
  static func info(for device: USBDeviceInfo) -> ADBDeviceInfo {
    let state =
      switch device.problem?.code {
      case nil: "attached"
      case .deviceBusy?: "busy"
      case .permissionDenied?: "no permissions"
      default: "offline"
      }
    return ADBDeviceInfo(serial: device.serial, state: state, devicePath: device.path, product: device.product)
  }
}
