import ADB
import ADBWire
import ArgumentParser

/// `--direct HOST[:PORT]` and `--auth-timeout`: reach a phone natively, with no adb server
/// (a phone after `adb tcpip 5555`, an emulator, a cloud phone or a virtual phone).
struct DirectOptions: ParsableArguments {
  @Option(
    name: .customLong("direct"),
    help: ArgumentHelp(
      "Talk to the phone's adbd at HOST[:PORT] (default port 5555) without an adb server, "
        + "authenticating with ~/.android/adbkey and ADB_VENDOR_KEYS.",
      valueName: "host:port"))
  var address: String?

  @Option(
    name: .customLong("auth-timeout"),
    help: ArgumentHelp(
      "Seconds to wait for the phone to accept this computer's key (\"Allow USB debugging\").", valueName: "seconds"))
  var authTimeout: Double = 10

  func validate() throws {
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

  /// Connects to the phone at ``address`` with the user's adb keys.
  func connect() async throws -> DeviceConnection {
    guard let address, let (host, port) = Self.parse(address) else {
      throw ValidationError("--direct must be HOST or HOST:PORT")
    }
    let options = DeviceConnection.Options(
      keys: try ADBKeyStore.allKeys(), authTimeout: .milliseconds(Int(authTimeout * 1000)))
    return try await DeviceConnection.connect(host: host, port: port, options: options)
  }
}

/// Runs `body` with a native connection and closes it afterwards.
func withDirectConnection<Result>(
  _ options: DirectOptions, _ body: (DeviceConnection) async throws -> Result
) async throws -> Result {
  let connection = try await options.connect()
  do {
    let result = try await body(connection)
    await connection.close()
    return result
  } catch {
    await connection.close()
    throw error
  }
}
