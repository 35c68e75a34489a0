import NIOCore

extension ADBServerClient {
  /// The states `wait-for-TRANSPORT-STATE` accepts (AOSP `adb/client/commandline.cpp`).
  public static let waitableStates: Set<String> = [
    "device", "recovery", "rescue", "sideload", "bootloader", "any", "disconnect",
  ]

  /// Waits until the device with `serial` (or the only device, when nil) is in `state`, like
  /// `adb wait-for-device`.
  ///
  /// Uses the server's `host-serial:S:wait-for-any-STATE`, which answers OKAY at once and a second
  /// OKAY when the device gets there.
  ///
  /// ```swift
  /// try await server.connect("127.0.0.1:5555")
  /// try await server.waitForDevice(serial: "127.0.0.1:5555", timeout: .seconds(10))
  /// ```
  /// - Parameters:
  ///   - serial: the device, or nil for "the only device".
  ///   - state: one of ``waitableStates``; `disconnect` waits for the device to go away.
  ///   - timeout: how long to wait.
  /// - Throws: ``ADBError/Code/timedOut`` when the time runs out, ``ADBError`` with the server's
  ///   words when it refuses (for instance "more than one device/emulator").
  public func waitForDevice(serial: String?, state: String = "device", timeout: Duration) async throws {
    precondition(Self.waitableStates.contains(state), "not a state wait-for-device knows: \(state)")
    let prefix = serial.map { "host-serial:\($0):" } ?? "host:"
    let request = "\(prefix)wait-for-any-\(state)"
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        try await withConnection { stream in
          try await stream.request(request)
          try await stream.readStatus()
        }
      }
      group.addTask {
        try await Task.sleep(for: timeout)
        throw ADBError(.timedOut, "\(serial ?? "the device") did not reach state '\(state)' within \(timeout)")
      }
      defer { group.cancelAll() }
      try await group.next()
    }
  }

  /// `host:tport:serial:S`: the transport id the server gave the device (server version 41).
  /// The id changes when the device reconnects, so it tells one connection from the next.
  /// - Throws: ``ADBError`` with the server's words ("device 'X' not found").
  public func transportID(serial: String) async throws -> UInt64 {
    try await withConnection { stream in
      try await stream.request("host:tport:serial:\(serial)")
      // OKAY is followed by an 8-byte little-endian id (ADB-PROTOCOL.md §1).
      var bytes = try await stream.read(exactly: 8)
      guard let id = bytes.readInteger(endianness: .little, as: UInt64.self) else {
        throw ADBError(.protocolError, "short transport id")
      }
      return id
    }
  }
}
