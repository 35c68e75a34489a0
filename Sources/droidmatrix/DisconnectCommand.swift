import ADB
import ArgumentParser

/// `droidmatrix disconnect [HOST:PORT]`: drops one TCP device, or all of them.
struct DisconnectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "disconnect", abstract: "Disconnect a TCP device, or every TCP device when none is named.")

  @OptionGroup var server: ServerOptions

  @Argument(help: "HOST[:PORT] of the device; the port defaults to 5555.")
  var target: String?

  func run() async throws {
    let address = target.map(ConnectCommand.withDefaultPort) ?? ""
    let text = try await Terminal.reportingErrors { try await server.client().disconnect(address) }
    Terminal.write(text.hasSuffix("\n") || text.isEmpty ? text : "\(text)\n")
  }
}
