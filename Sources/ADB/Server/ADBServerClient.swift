import ChildProcess
import NIOCore
import NIOPosix

/// A client of the adb server, speaking its smart-socket protocol natively (no `adb` process).
///
/// ```swift
/// let server = try ADBServerClient()                  // ADB_SERVER_SOCKET, …, or localhost:5037
/// for info in try await server.devices() { print(info.serial, info.state, info.model ?? "") }
/// let phone = server.device("127.0.0.1:5555")
/// print(try await phone.shell("getprop ro.product.model").standardOutput)
/// ```
public struct ADBServerClient: Sendable {
  /// Where the server listens.
  public let address: ADBServerAddress
  /// Whether a missing local server is started with `adb start-server`, as Google's client does.
  public let startsServer: Bool
  private let group: any EventLoopGroup

  /// A client of the server at `address`.
  /// - Parameters:
  ///   - address: the server; by default the one Google's client would use.
  ///   - startsServer: start a missing local server with `adb start-server` when `adb` is on PATH.
  ///   - group: the event loops for the connections.
  public init(
    address: ADBServerAddress, startsServer: Bool = true,
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) {
    self.address = address
    self.startsServer = startsServer
    self.group = group
  }

  /// A client of the server named by the environment (`ADB_SERVER_SOCKET`, …, else localhost:5037).
  /// - Throws: ``ADBError`` when a variable holds an invalid address.
  public init(environment: [String: String] = ProcessEnvironment.current, startsServer: Bool = true) throws(ADBError) {
    self.init(address: try ADBServerAddress.fromEnvironment(environment), startsServer: startsServer)
  }

  /// The device with `serial`.
  public func device(_ serial: String) -> ADBServerDevice { ADBServerDevice(serial: serial, server: self) }

  /// The only device, as `adb` without `-s` (requests fail when there is not exactly one).
  public var onlyDevice: ADBServerDevice { ADBServerDevice(serial: "", server: self) }

  // MARK: - Host services

  /// `host:version`: the server's protocol version (41 for adb 29 and later).
  public func version() async throws -> Int {
    let text = try await hostQuery("host:version")
    guard let version = Int(text, radix: 16) else {
      throw ADBError(.protocolError, "the adb server's version is not hex: \(text.debugDescription)")
    }
    return version
  }

  /// `host:devices-l`: every device the server knows, with product, model and transport id.
  public func devices() async throws -> [ADBDeviceInfo] {
    ADBDeviceInfo.parseList(try await hostQuery("host:devices-l"))
  }

  /// `host:connect:HOST:PORT`: asks the server to connect to a device in TCP mode.
  /// - Returns: the server's words ("connected to X" or "already connected to X").
  /// - Throws: ``ADBError/Code/serverFailure`` with the server's words when it failed: the reply
  ///   is always OKAY, so its text is the only success signal.
  @discardableResult
  public func connect(_ target: String) async throws -> String {
    let text = try await hostQuery("host:connect:\(target)")
    guard text.hasPrefix("connected to") || text.hasPrefix("already connected to") else {
      throw ADBError(.serverFailure, text)
    }
    return text
  }

  /// `host:disconnect:HOST:PORT` (empty: every TCP device).
  @discardableResult
  public func disconnect(_ target: String = "") async throws -> String {
    try await hostQuery("host:disconnect:\(target)")
  }

  /// `host:kill`: stops the server.
  public func kill() async throws {
    try await withConnection(startingServer: false) { stream in try await stream.request("host:kill") }
  }

  /// Sends a host request and returns its hex4-prefixed answer.
  func hostQuery(_ request: String) async throws -> String {
    try await withConnection { stream in
      try await stream.request(request)
      return try await stream.readHexPrefixedString()
    }
  }

  /// Runs `body` on a new connection to the server, starting a missing local server first when
  /// ``startsServer`` allows.
  func withConnection<Result>(startingServer: Bool = true, _ body: (ADBStream) async throws -> Result)
    async throws -> Result
  {
    do {
      return try await ServerConnection.with(address, group: group, body)
    } catch let error as ADBError where error.code == .serverUnavailable {
      guard startingServer, startsServer, address.isLocal, let adb = ChildProcess.find("adb") else { throw error }
      let started = try await ChildProcess.run(
        adb, ["-P", String(address.port), "start-server"], timeout: .seconds(30))
      guard started.status == 0 else {
        throw ADBError(
          .serverUnavailable, "could not start the adb server: \(started.standardError.trimmingSuffixNewlines)")
      }
      return try await ServerConnection.with(address, group: group, body)
    }
  }
}

/// The process environment, read once per call.
public enum ProcessEnvironment {
  /// The current process's environment variables.
  public static var current: [String: String] {
    var environment: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return environment
  }
}
