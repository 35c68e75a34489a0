import ADB
import ADBWire
import ArgumentParser

/// `--direct HOST[:PORT]`, `--usb` and `--auth-timeout`: reach a phone natively, with no adb
/// server: over TCP (a phone after `adb tcpip 5555`, an emulator, a cloud or virtual phone) or
/// over USB through libusb.
struct NativeOptions: ParsableArguments {
  @Option(
    name: .customLong("direct"),
    help: ArgumentHelp(
      "Talk to the phone's adbd at HOST[:PORT] (default port 5555) without an adb server, "
        + "authenticating with ~/.android/adbkey and ADB_VENDOR_KEYS.",
      valueName: "host:port"))
  var address: String?

  @Flag(
    name: .customLong("usb"),
    help: "Talk to the phone over USB through libusb, without an adb server (-s picks one of several).")
  var usb = false

  @Option(
    name: .customLong("auth-timeout"),
    help: ArgumentHelp(
      "Seconds to wait for the phone to accept this computer's key (\"Allow USB debugging\").", valueName: "seconds"))
  var authTimeout: Double = 10

  /// Whether the phone is reached natively (`--direct` or `--usb`).
  var isNative: Bool { address != nil || usb }

  func validate() throws {
    if address != nil && usb { throw ValidationError("give --direct or --usb, not both") }
    if let address, Self.parse(address) == nil {
      throw ValidationError("--direct must be HOST or HOST:PORT, got \(address.debugDescription)")
    }
    guard authTimeout > 0 else { throw ValidationError("--auth-timeout must be positive") }
  }

  /// `HOST[:PORT]` split, the port defaulting to adbd's 5555; nil when malformed.
  static func parse(_ address: String) -> (host: String, port: Int)? {
    guard let colon = address.lastIndex(of: ":") else {
      return address.isEmpty ? nil : (address, ADBProtocol.defaultDevicePort)
    }
    let host = String(address[..<colon])
    guard !host.isEmpty, let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port) else {
      return nil
    }
    return (host, port)
  }

  /// Connects to the phone at ``address``, or over USB (`serial` picks one of several), with
  /// the user's adb keys.
  func connect(serial: String? = nil) async throws -> DeviceConnection {
    let options = DeviceConnection.Options(
      keys: try ADBKeyStore.allKeys(), authTimeout: .milliseconds(Int(authTimeout * 1000)))
    if usb { return try await DeviceConnection.connectUSB(serial: serial, options: options) }
    guard let address, let (host, port) = Self.parse(address) else {
      throw ValidationError("--direct must be HOST or HOST:PORT")
    }
    return try await DeviceConnection.connect(host: host, port: port, options: options)
  }
}

/// Runs `body` with a native connection and closes it afterwards.
func withNativeConnection<Result>(
  _ options: NativeOptions, serial: String? = nil, _ body: (DeviceConnection) async throws -> Result
) async throws -> Result {
  let connection = try await options.connect(serial: serial)
  do {
    let result = try await body(connection)
    await connection.close()
    return result
  } catch {
    await connection.close()
    throw error
  }
}
