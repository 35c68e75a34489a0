import ADB
import ArgumentParser

/// `-s SERIAL` (default `$ANDROID_SERIAL`, else the only device) plus `--server`, or
/// `--direct HOST:PORT` / `--usb` for a native connection: shared by every command that works on
/// one device.
struct DeviceOptions: ParsableArguments {
  @OptionGroup var server: ServerOptions
  @OptionGroup var native: NativeOptions

  @Option(
    name: .customShort("s"),
    help: ArgumentHelp("The device's serial (default: ANDROID_SERIAL, else the only device).", valueName: "serial"))
  var serial: String?

  /// The serial named by `-s` or `$ANDROID_SERIAL`, nil when neither is set.
  var explicitSerial: String? {
    if let serial, !serial.isEmpty { return serial }
    if let serial = ProcessEnvironment.current["ANDROID_SERIAL"], !serial.isEmpty { return serial }
    return nil
  }

  func validate() throws {
    if native.address != nil && (server.server != nil || serial != nil) {
      throw ValidationError("--direct talks to the phone itself: it cannot be combined with --server or -s")
    }
    if native.usb && server.server != nil {
      throw ValidationError("--usb talks to the phone itself: it cannot be combined with --server")
    }
  }

  /// Whether the device is reached natively (`--direct` or `--usb`).
  var isNative: Bool { native.isNative }

  /// Runs `body` with the chosen device: a native connection for `--direct` or `--usb` (closed
  /// afterwards), else the adb server's device.
  func withDevice<Result>(_ body: (any ADBForwarding) async throws -> Result) async throws -> Result {
    if isNative { return try await withNativeConnection(native, serial: explicitSerial) { try await body($0) } }
    return try await body(try await device())
  }

  /// The chosen device: `-s`, `$ANDROID_SERIAL`, or the only device the server knows.
  /// - Throws: ``ADBError`` when no serial is given and there is not exactly one device.
  func device() async throws -> ADBServerDevice {
    let client = try server.client()
    return client.device(try await resolveSerial(client))
  }

  /// The serial of ``device()``.
  func resolveSerial(_ client: ADBServerClient) async throws -> String {
    if let explicitSerial { return explicitSerial }
    let devices = try await client.devices()
    switch devices.count {
    case 0: throw ADBError(.noDevice, "no devices; connect one or start a virtual phone")
    case 1: return devices[0].serial
    default: throw ADBError(.moreThanOneDevice, "more than one device; pass -s SERIAL")
    }
  }
}
