extension ADBDevice {
  /// `reverse:forward:[norebind:]DEVICE;HOST`: makes the device listen on `device` and send each
  /// accepted connection back to `host` on this computer (`adb reverse`).
  ///
  /// Reverse is a device service, so it works on every path to the device. The reply is OKAY
  /// (the service opened), then a status: OKAY (+ hex4 port for `tcp:0`) or FAIL + hex4 message
  /// (ADB-PROTOCOL.md §1, "Forward and reverse").
  ///
  /// ```swift
  /// let port = try await phone.reverse(device: "tcp:0", host: "tcp:8080")
  /// ```
  /// - Parameters:
  ///   - device: the device's listener: `tcp:PORT` (`tcp:0` lets the device pick) or `localabstract:NAME`.
  ///   - host: where connections go on this computer: `tcp:PORT`.
  ///   - noRebind: fail with "cannot rebind existing socket" instead of replacing a reverse.
  /// - Returns: the device's port for a `tcp:` device spec, nil for other specs.
  /// - Throws: ``ADBError`` with the device's words.
  @discardableResult
  public func reverse(device: String, host: String, noRebind: Bool = false) async throws -> Int? {
    let options = noRebind ? "norebind:" : ""
    return try await withStream("reverse:forward:\(options)\(device);\(host)") { stream in
      try await stream.readStatus()
      return try await stream.readResolvedPort(local: device)
    }
  }

  /// `reverse:list-forward`: the device's reverse forwards (`local` is the device's listener,
  /// `remote` the host's socket).
  public func listReverses() async throws -> [ADBForward] {
    try await withStream("reverse:list-forward") { stream in
      ADBForward.parseList(try await stream.readHexPrefixedString())
    }
  }

  /// `reverse:killforward:DEVICE`: removes one reverse forward.
  /// - Throws: ``ADBError`` with the device's words ("listener 'tcp:1234' not found").
  public func removeReverse(device: String) async throws {
    try await withStream("reverse:killforward:\(device)") { try await $0.readStatus() }
  }

  /// `reverse:killforward-all`: removes every reverse forward of the device.
  public func removeAllReverses() async throws {
    try await withStream("reverse:killforward-all") { try await $0.readStatus() }
  }
}
