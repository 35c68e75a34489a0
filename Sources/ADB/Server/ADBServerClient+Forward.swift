/// One port forward: a listener on one side that connects to a socket on the other
/// (a line of `adb forward --list` or `adb reverse --list`).
public struct ADBForward: Hashable, Sendable {
  /// The device the forward belongs to (for a reverse, the name the device gives its transport).
  public var serial: String
  /// The listening side: `tcp:PORT` or `local:PATH` (on this computer for a forward, on the
  /// device for a reverse).
  public var local: String
  /// Where accepted connections go: `tcp:PORT`, `localabstract:NAME`, `jdwp:PID`, …
  public var remote: String

  /// Creates a record.
  public init(serial: String, local: String, remote: String) {
    self.serial = serial
    self.local = local
    self.remote = remote
  }

  /// Parses the payload of `list-forward`: lines of `serial local remote`.
  public static func parseList(_ text: String) -> [ADBForward] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      guard words.count == 3 else { return nil }
      return ADBForward(serial: String(words[0]), local: String(words[1]), remote: String(words[2]))
    }
  }
}

extension ADBServerClient {
  /// `host-serial:S:forward:[norebind:]LOCAL;REMOTE`: makes the server listen on `local` and
  /// connect each accepted connection to `remote` on the device.
  ///
  /// ```swift
  /// let port = try await server.forward(serial: "127.0.0.1:5555", local: "tcp:0", remote: "tcp:8080")
  /// ```
  /// - Parameters:
  ///   - serial: the device.
  ///   - local: `tcp:PORT` (`tcp:0` lets the server pick a free port) or `local:PATH`.
  ///   - remote: `tcp:PORT`, `localabstract:NAME`, `jdwp:PID`, …
  ///   - noRebind: fail with "cannot rebind existing socket" instead of replacing a forward.
  /// - Returns: the port the server listens on for a `tcp:` local spec, nil for other specs.
  /// - Throws: ``ADBError`` with the server's words ("cannot bind listener: …", "device 'X' not found").
  @discardableResult
  public func forward(serial: String, local: String, remote: String, noRebind: Bool = false) async throws -> Int? {
    let options = noRebind ? "norebind:" : ""
    do {
      return try await withConnection { stream in
        // Two OKAYs: "connect" (the request reached the server), then "status" (the listener is
        // installed). For `tcp:0` the real port follows as hex4 + decimal (ADB-PROTOCOL.md §1).
        try await stream.request("host-serial:\(serial):forward:\(options)\(local);\(remote)")
        try await stream.readStatus()
        return try await stream.readResolvedPort(local: local)
      }
    } catch let error as ADBError where error.code == .serverFailure && error.message.isEmpty {
      // adb 29 answers a forward to a missing device with an empty FAIL; get-state names the
      // reason ("device 'X' not found", "device offline").
      _ = try await device(serial).state()
      throw ADBError(.serverFailure, "the adb server refused to forward \(local) to \(remote) on \(serial)")
    }
  }

  /// `host:list-forward`: every forward the server holds, for every device.
  public func listForwards() async throws -> [ADBForward] {
    ADBForward.parseList(try await hostQuery("host:list-forward"))
  }

  /// `host-serial:S:killforward:LOCAL`: removes one forward.
  /// - Throws: ``ADBError`` with the server's words ("listener 'tcp:1234' not found").
  public func removeForward(serial: String, local: String) async throws {
    try await withConnection { stream in
      try await stream.request("host-serial:\(serial):killforward:\(local)")
      try await stream.readStatus()
    }
  }

  /// `host-serial:S:killforward-all`: removes every forward of one device.
  public func removeAllForwards(serial: String) async throws {
    try await withConnection { stream in
      try await stream.request("host-serial:\(serial):killforward-all")
      try await stream.readStatus()
    }
  }
}

extension ADBStream {
  /// After a forward's status OKAY: the port the listener got. adbd and the server send it
  /// (hex4 + decimal) only when they resolved `tcp:0`; otherwise the port is the requested one.
  func readResolvedPort(local: String) async throws -> Int? {
    guard local.hasPrefix("tcp:") else { return nil }
    let requested = Int(local.dropFirst("tcp:".count).prefix { $0.isNumber })
    guard requested == 0 else { return requested }
    let text = try await readHexPrefixedString()
    guard let port = Int(text.trimmingSuffixNewlines) else {
      throw ADBError(.protocolError, "the listener's port is not a number: \(text.debugDescription)")
    }
    return port
  }
}
