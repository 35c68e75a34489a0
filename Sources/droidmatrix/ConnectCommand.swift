import ADB
import ArgumentParser

/// `droidmatrix connect HOST[:PORT]`: asks the adb server to connect to a device over TCP.
struct ConnectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connect", abstract: "Connect to a device over TCP (like `adb connect`).")

  /// The port `adb tcpip` uses by default.
  static let defaultPort = 5555

  @OptionGroup var server: ServerOptions

  @Argument(help: "HOST[:PORT]; the port defaults to 5555.")
  var target: String

  /// `target` with the default port added when it names none (`[v6]` and `v6` hosts included).
  static func withDefaultPort(_ target: String) -> String {
    if target.hasPrefix("[") { return target.contains("]:") ? target : "\(target):\(defaultPort)" }
    let colons = target.count { $0 == ":" }
    return colons == 0 || colons > 1 ? "\(target):\(defaultPort)" : target
  }

  func validate() throws {
    guard !target.isEmpty else { throw ValidationError("give the device's HOST[:PORT]") }
  }

  func run() async throws {
    let text = try await Terminal.reportingErrors { try await server.client().connect(Self.withDefaultPort(target)) }
    Terminal.write("\(text)\n")
  }
}
