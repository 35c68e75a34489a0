import ADBWire
import NIOCore
import NIOPosix

/// Reverse tunnels (`adb reverse`): the phone opens streams towards the host.
///
/// Like AOSP's `atransport::UpdateReverseConfig`, the connection watches the `reverse:` services
/// it opens and remembers which host sockets the phone may reach. A device-initiated OPEN is
/// accepted only for one of those (`tcp:PORT`, connected on the loopback address); any other is
/// refused with CLSE, so a phone cannot reach arbitrary sockets of this computer.
extension DeviceConnection {
  /// Records the effect of a `reverse:` request on the allowed host sockets.
  func noteReverseRequest(_ service: String) {
    guard service.hasPrefix("reverse:") else { return }
    let request = service.dropFirst("reverse:".count)
    if request == "killforward-all" {
      reverseTunnels.removeAll()
    } else if request.hasPrefix("killforward:") {
      reverseTunnels[String(request.dropFirst("killforward:".count))] = nil
    } else if request.hasPrefix("forward:") {
      var spec = request.dropFirst("forward:".count)
      if spec.hasPrefix("norebind:") { spec = spec.dropFirst("norebind:".count) }
      let parts = spec.split(separator: ";", maxSplits: 1)
      guard parts.count == 2 else { return }
      reverseTunnels[String(parts[0])] = String(parts[1])
    }
  }

  /// The host sockets the phone may open streams to.
  public var reverseTargets: Set<String> { Set(reverseTunnels.values) }

  /// A device-initiated OPEN: accept it for a configured reverse tunnel, refuse anything else.
  func deviceOpenReceived(_ packet: ADBPacket) async throws {
    let remoteID = packet.arg0
    guard remoteID != 0 else { throw malformed("OPEN from stream 0") }
    var name = Array(packet.payload.readableBytesView)
    while name.last == 0 { name.removeLast() }
    let target = String(decoding: name, as: UTF8.self)
    guard (packet.arg1 != 0) == delayedAck, reverseTargets.contains(target), target.hasPrefix("tcp:"),
      let port = Int(target.dropFirst("tcp:".count)), (1...65535).contains(port)
    else {
      try await send(ADBPacket(.close, arg0: 0, arg1: remoteID))
      return
    }
    let localID = streams.accept(
      remoteID: remoteID, service: target, sendWindow: delayedAck ? Int(packet.arg1) : nil)
    highestLocalID = max(highestLocalID, localID)
    states[localID] = StreamState()
    Task { await self.bridgeReverse(localID: localID, port: port) }
  }

  /// Connects to the host socket, answers the phone's OPEN, and copies bytes both ways until
  /// either side closes.
  private nonisolated func bridgeReverse(localID: UInt32, port: Int) async {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    do {
      channel = try await ClientBootstrap(group: group)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .connect(host: "127.0.0.1", port: port) { channel in
          channel.eventLoop.makeCompletedFuture {
            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
          }
        }
    } catch {
      await refuseReverse(localID: localID)
      return
    }
    guard await acceptReverse(localID: localID) else {
      try? await channel.executeThenClose { _, _ in }
      return
    }
    await bridge(localID: localID, channel)
  }

  /// OKAY to the phone's OPEN (with our window in delayed-ack mode); false if the stream is gone.
  private func acceptReverse(localID: UInt32) async -> Bool {
    guard let stream = streams[localID], states[localID] != nil else { return false }
    var okay = ADBPacket(.okay, arg0: localID, arg1: stream.remoteID)
    if delayedAck { okay.payload.writeInteger(Int32(options.receiveWindow), endianness: .little) }
    do {
      try await send(okay)
    } catch {
      return false
    }
    states[localID]?.isOpen = true
    return true
  }

  /// CLSE(0, their id): nothing listens at the host socket.
  private func refuseReverse(localID: UInt32) async {
    states[localID] = nil
    guard let stream = streams.remove(localID: localID) else { return }
    try? await send(ADBPacket(.close, arg0: 0, arg1: stream.remoteID))
  }
}
