import ArgumentParser
import VirtualPhone

/// `virtual-phone`: serves simulated Android phones that Google's adb accepts
/// (`adb connect 127.0.0.1:PORT`), from one process however many there are.
@main
struct VirtualPhoneCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "virtual-phone",
    abstract: "Serve simulated Android phones over the ADB device protocol (like adbd after `adb tcpip`).",
    discussion: """
      Phone N listens on PORT+N-1. Connect with `adb connect 127.0.0.1:PORT`.
      Example: virtual-phone --port 5600 --count 3 --model "Pixel 7"
      """
  )

  @Option(help: "TCP port of the first phone.")
  var port: Int = 5555

  @Option(help: "Address to listen on.")
  var host: String = "127.0.0.1"

  @Option(help: "How many phones to serve, on consecutive ports.")
  var count: Int = 1

  @Option(help: "Serial (ro.serialno) of the first phone; later phones get -2, -3, …")
  var serial: String = "vphone"

  @Option(help: "Model name (ro.product.model).")
  var model: String = "Virtual Phone"

  @Option(help: "Product name (ro.product.name).")
  var product: String = "vphone"

  @Option(help: "Device name (ro.product.device).")
  var device: String = "vphone"

  @Option(name: .customLong("prop"), help: "An extra system property KEY=VALUE (repeatable).")
  var properties: [String] = []

  @Option(help: "adb_keys file (one public key per line): require authentication with these keys.")
  var authKeys: String?

  @Flag(help: "With --auth-keys: accept a public key the host offers, as a user tapping \"Allow\" would.")
  var acceptNewKeys = false

  @Option(help: "Delay, in milliseconds, before each reply packet (fault injection).")
  var latencyMs: Int = 0

  @Option(help: "Drop a connection after it has carried this many bytes (fault injection).")
  var vanishAfterBytes: Int?

  @Option(help: "Largest payload the phone offers in its CNXN (default 1 MiB).")
  var maxPayload: Int = 1024 * 1024

  func validate() throws {
    guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    guard count >= 1, port + count - 1 <= 65535 else {
      throw ValidationError("--count must be at least 1 and the last port at most 65535")
    }
    guard (4096...(1024 * 1024)).contains(maxPayload) else {
      throw ValidationError("--max-payload must be between 4096 and 1048576")
    }
    guard latencyMs >= 0 else { throw ValidationError("--latency-ms cannot be negative") }
    for property in properties where !property.contains("=") {
      throw ValidationError("--prop takes KEY=VALUE, got \(property.debugDescription)")
    }
    guard authKeys != nil || !acceptNewKeys else { throw ValidationError("--accept-new-keys needs --auth-keys") }
  }

  func run() async throws {
    let authentication: PhoneAuthentication
    if let authKeys {
      do {
        authentication = try PhoneAuthentication.required(keysFile: authKeys, acceptNewKeys: acceptNewKeys)
      } catch {
        throw ValidationError("cannot use --auth-keys \(authKeys): \(error)")
      }
    } else {
      authentication = .disabled
    }
    var extra: [String: String] = [:]
    for property in properties {
      let parts = property.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      extra[String(parts[0])] = String(parts[1])
    }
    let behaviour = VirtualPhoneServer.Behaviour(
      authentication: authentication, maxPayload: maxPayload, latency: .milliseconds(latencyMs),
      vanishAfterBytes: vanishAfterBytes)
    let phones = (1...count).map { index in
      VirtualPhone(
        configuration: .init(
          serial: count == 1 ? serial : "\(serial)-\(index)", model: model, product: product, device: device,
          extraProperties: extra))
    }
    let server = try await VirtualPhoneServer.start(phones: phones, host: host, firstPort: port, behaviour: behaviour)
    for (phone, address) in zip(phones, server.addresses) {
      print("virtual-phone \(phone.configuration.serial) listening on \(address)")
    }
    try await server.waitUntilStopped()
  }
}
