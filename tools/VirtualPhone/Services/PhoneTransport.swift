import NIOCore

/// The host connection a stream runs on, for services that act on the connection itself:
/// `adb reverse` binds listeners that belong to it and opens streams to the host over it.
///
/// ``DeviceConnectionHandler`` is the only conformer; everything here runs on ``eventLoop``.
protocol PhoneTransport: AnyObject {
  /// Identifies the connection while it lives: the owner of the reverse forwards it created.
  var connectionID: ObjectIdentifier { get }
  /// The connection's event loop. Reverse listeners accept on it, so the sockets they bridge
  /// run on the same loop as the stream they are bridged to.
  var eventLoop: any EventLoop { get }
  /// The address the phone's server listens on; reverse listeners bind it too (adbd binds every
  /// interface, the virtual phone only the address it was told to serve on).
  var listenAddress: String { get }
  /// Opens a stream to the host (a device-initiated OPEN) served by the service `makeService`
  /// builds around the stream's output.
  /// - Parameters:
  ///   - destination: what the host should connect to, e.g. `tcp:8080`.
  ///   - makeService: builds the stream's service; it starts once the host accepts.
  /// - Returns: false when the connection is not online (no session, or closed).
  func openToHost(_ destination: String, makeService: (any ServiceOutput) -> any PhoneService) -> Bool
}
