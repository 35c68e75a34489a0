import ADB
import ArgumentParser

/// `--server HOST:PORT`, shared by every command that talks to an adb server.
struct ServerOptions: ParsableArguments {
  @Option(
    name: .customLong("server"),
    help: "The adb server as HOST:PORT (default: ADB_SERVER_SOCKET, ANDROID_ADB_SERVER_PORT, or localhost:5037).")
  var server: String?

  /// The client for the chosen server.
  func client() throws -> ADBServerClient {
    if let server {
      guard let address = ADBServerAddress(parsing: server) else {
        throw ValidationError("--server must be HOST:PORT, got \(server.debugDescription)")
      }
      return ADBServerClient(address: address)
    }
    do {
      return try ADBServerClient()
    } catch {
      throw ValidationError(error.description)
    }
  }
}
