/// Where the adb server listens.
///
/// Google's client reads, in order: `ADB_SERVER_SOCKET` (`tcp:host:port`), then
/// `ANDROID_ADB_SERVER_ADDRESS` and `ANDROID_ADB_SERVER_PORT`, else `localhost:5037`
/// (`ADB-PROTOCOL.md` §1). Any host works, so a server on another machine can be used.
public struct ADBServerAddress: Hashable, Sendable, CustomStringConvertible {
  /// The adb server's default port.
  public static let defaultPort = 5037

  /// Host name or address.
  public var host: String
  /// TCP port.
  public var port: Int

  /// Creates an address.
  public init(host: String = "127.0.0.1", port: Int = ADBServerAddress.defaultPort) {
    self.host = host
    self.port = port
  }

  /// Parses `host:port`, `:port`, a bare port, or a socket spec `tcp:host:port` / `tcp:port`.
  /// Returns nil for anything else or a port outside 1…65535.
  public init?(parsing text: String) {
    var rest = Substring(text)
    if rest.hasPrefix("tcp:") { rest = rest.dropFirst(4) }
    let host: Substring
    let portText: Substring
    if let colon = rest.lastIndex(of: ":") {
      host = rest[..<colon]
      portText = rest[rest.index(after: colon)...]
    } else {
      host = ""
      portText = rest
    }
    guard let port = Int(portText), (1...65535).contains(port) else { return nil }
    self.init(host: host.isEmpty ? "127.0.0.1" : String(host), port: port)
  }

  /// The address Google's client would use with `environment`.
  /// - Throws: ``ADBError/Code/serverUnavailable`` naming the variable whose value is invalid.
  public static func fromEnvironment(_ environment: [String: String]) throws(ADBError) -> ADBServerAddress {
    if let socket = environment["ADB_SERVER_SOCKET"], !socket.isEmpty {
      guard let address = ADBServerAddress(parsing: socket), socket.hasPrefix("tcp:") else {
        throw ADBError(.serverUnavailable, "ADB_SERVER_SOCKET must be tcp:HOST:PORT, got \(socket.debugDescription)")
      }
      return address
    }
    var address = ADBServerAddress()
    if let host = environment["ANDROID_ADB_SERVER_ADDRESS"], !host.isEmpty { address.host = host }
    if let portText = environment["ANDROID_ADB_SERVER_PORT"], !portText.isEmpty {
      guard let port = Int(portText), (1...65535).contains(port) else {
        throw ADBError(
          .serverUnavailable, "ANDROID_ADB_SERVER_PORT must be a port from 1 to 65535, got \(portText.debugDescription)"
        )
      }
      address.port = port
    }
    return address
  }

  /// Whether the address is this machine, where a missing server may be started.
  public var isLocal: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }

  public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
