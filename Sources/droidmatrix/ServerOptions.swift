import ADB
import ArgumentParser

/// `--server HOST:PORT`, shared by every command that talks to an adb server.
struct ServerOptions: ParsableArguments {
  @Option(
    name: .customLong("server"),
    help: """
      The adb server as HOST:PORT (default: ADB_SERVER_SOCKET, ANDROID_ADB_SERVER_PORT, or localhost:5037). \
      A server named here is not started when it is missing.
      """)
  var server: String?

  /// The client for the chosen server.
  func client() throws -> ADBServerClient {
    if let server {
      guard let address = ADBServerAddress(parsing: server) else {
        throw ValidationError("--server must be HOST:PORT, got \(server.debugDescription)")
      }
      // The user named this server: talk to it, or say it is not there, but do not start one.
      return ADBServerClient(address: address, startsServer: false)
    }
    do {
      return try ADBServerClient()
    } catch {
      throw ValidationError(error.description)
    }
  }
}
