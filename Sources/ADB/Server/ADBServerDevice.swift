import NIOCore

/// A device reached through an adb server: each stream is a new server connection bound to the
/// device with `host:transport:SERIAL` (`ADB-PROTOCOL.md` §1).
///
/// An empty serial means "the only device", as `adb` without `-s`: the server answers
/// "more than one device/emulator" or "no devices/emulators found" when there is not exactly one.
public struct ADBServerDevice: ADBDevice {
  /// The serial the server knows the device by; empty for the only device.
  public let serial: String
  /// The server that owns the device.
  public let server: ADBServerClient

  /// A device of `server`.
  public init(serial: String, server: ADBServerClient) {
    self.serial = serial
    self.server = server
  }

  public func features() async throws -> Set<String> {
    let text = try await server.hostQuery("\(hostPrefix):features")
    return Set(text.split(separator: ",").map(String.init))
  }

  /// The device's state as the server sees it (`device`, `offline`, `unauthorized`, …).
  public func state() async throws -> String {
    try await server.hostQuery("\(hostPrefix):get-state")
  }

  public func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result) async throws
    -> Result
  {
    try await server.withConnection { stream in
      try await stream.request(serial.isEmpty ? "host:transport-any" : "host:transport:\(serial)")
      try await stream.request(service)
      return try await body(stream)
    }
  }

  /// `host:` for the only device, `host-serial:S:` for a named one.
  private var hostPrefix: String { serial.isEmpty ? "host" : "host-serial:\(serial)" }
}
