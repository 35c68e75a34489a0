import ADBWire
import NIOCore

// MARK: - Streams the phone opens to the host

/// adbd opens a stream to the host when a reverse forward's listener accepts a connection
/// (AOSP `adb_listeners.cpp` `listener_event_func` → `sockets.cpp` `connect_to_remote`):
/// OPEN(local-id, window or 0, "destination\0"), where the destination is the host-side spec
/// of the forward (`tcp:8080`) with a trailing NUL ("adbd used to expect a null-terminated
/// string. Keep doing so to maintain backward compatibility."). The host answers OKAY(its-id,
/// local-id), carrying its window in delayed-ack mode, or CLSE(0, local-id) when it cannot
/// connect.
extension DeviceConnectionStateMachine {
  /// The phone opens a stream to the host for `service` (a device-initiated OPEN).
  ///
  /// The stream's output is queued until the host accepts; ``Action/startService(localID:)``
  /// then tells the service to start, and ``Action/closeService(localID:)`` that the host
  /// refused. A service that finishes before the host answered gives the stream up.
  /// - Parameter service: what the host should connect to, e.g. `tcp:8080`.
  /// - Returns: the stream's local id and the OPEN to send, or nil before the session is up.
  mutating func openToHost(service: String) -> (localID: UInt32, actions: [Action])? {
    guard let session else { return nil }
    let localID = streams.open(service: service)
    outbound[localID] = OutboundQueue()
    var name = ByteBuffer(string: service)
    name.writeInteger(UInt8(0))
    // delayed_ack.md: "the A_OPEN packet's arg1 ... must be non-zero": the opener's window.
    let window = session.delayedAck ? UInt32(Self.receiveWindow) : 0
    let open = ADBPacket(.open, arg0: localID, arg1: window, payload: name)
    return (localID, [.send(open, checksumVersion: session.version)])
  }

  /// The host's OKAY answering ``openToHost(service:)``: record its id and window, send what
  /// the service queued meanwhile, and start the service.
  mutating func openToHostAccepted(_ packet: ADBPacket, session: Session) -> [Action] {
    let localID = packet.arg1
    var window: Int?
    if session.delayedAck {
      guard let bytes = Self.window(in: packet) else {
        return [.closeConnection(ADBWireError(.protocolViolation, "OKAY to an OPEN without a 4-byte window"))]
      }
      window = bytes
    }
    _ = streams.opened(localID: localID, remoteID: packet.arg0, sendWindow: window)
    // Queued output goes first: whatever the service writes once started must follow it. A
    // service that finished meanwhile has nothing left to start once its output is out.
    let actions = flush(localID)
    return streams[localID] == nil ? actions : actions + [.startService(localID: localID)]
  }

  /// An OKAY for a stream the phone no longer knows: if it answers an OPEN the phone gave up,
  /// close the host's end (AOSP sends `send_close(local, remote)` for it); otherwise ignore it.
  mutating func abandonedOpenAnswered(_ packet: ADBPacket, session: Session) -> [Action] {
    guard packet.arg0 != 0, abandonedOpens.remove(packet.arg1) != nil else { return [] }
    return [.send(ADBPacket(.close, arg0: packet.arg1, arg1: packet.arg0), checksumVersion: session.version)]
  }
}
