import NIOCore

/// A device reached through an adb server: each stream is a new server connection bound to the
/// device with `host:transport:SERIAL` (`ADB-PROTOCOL.md` §1).
public struct ADBServerDevice: ADBDevice {
  /// The serial the server knows the device by.
  public let serial: String
  /// The server that owns the device.
  public let server: ADBServerClient

  /// A device of `server`.
  public init(serial: String, server: ADBServerClient) {
    self.serial = serial
    self.server = server
  }

  public func features() async throws -> Set<String> {
    let text = try await server.hostQuery("host-serial:\(serial):features")
    return Set(text.split(separator: ",").map(String.init))
  }

  /// The device's state as the server sees it (`device`, `offline`, `unauthorized`, …).
  public func state() async throws -> String {
    try await server.hostQuery("host-serial:\(serial):get-state")
  }

  public func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result) async throws
    -> Result
  {
    try await server.withConnection { stream in
      try await stream.request("host:transport:\(serial)")
      try await stream.request(service)
      return try await body(stream)
    }
  }
}
