import ADBWire
import NIOCore

// MARK: - Streams: what the host sends on them

extension DeviceConnectionStateMachine {
  mutating func openReceived(_ packet: ADBPacket, session: Session) -> [Action] {
    let hostID = packet.arg0
    guard hostID != 0 else { return [] }
    var name = Array(packet.payload.readableBytesView)
    while name.last == 0 { name.removeLast() }
    // delayed_ack.md: OPEN.arg1 is the opener's window when both sides enabled it, else 0.
    guard (packet.arg1 != 0) == session.delayedAck else {
      return [.send(ADBPacket(.close, arg0: 0, arg1: hostID), checksumVersion: session.version)]
    }
    let window = session.delayedAck ? Int(packet.arg1) : nil
    let localID = streams.accept(remoteID: hostID, service: String(decoding: name, as: UTF8.self), sendWindow: window)
    outbound[localID] = OutboundQueue()
    return [.openService(localID: localID, service: streams[localID]!.service)]
  }

  mutating func writeReceived(_ packet: ADBPacket, session: Session) -> [Action] {
    guard let stream = streams[packet.arg1], stream.remoteID != 0, stream.remoteID == packet.arg0 else { return [] }
    var okay = ADBPacket(.okay, arg0: stream.localID, arg1: stream.remoteID)
    if session.delayedAck {
      okay.payload.writeInteger(Int32(packet.payload.readableBytes), endianness: .little)
    }
    // Acknowledge first: the service may answer at once and even close the stream, and an OKAY
    // after our CLSE would name a stream the host has already forgotten.
    return [.send(okay, checksumVersion: session.version), .deliver(packet.payload, localID: stream.localID)]
  }

  mutating func okayReceived(_ packet: ADBPacket, session: Session) -> [Action] {
    let localID = packet.arg1
    guard let stream = streams[localID] else { return abandonedOpenAnswered(packet, session: session) }
    // protocol.md: READY(local-id, remote-id); an OKAY naming no stream of the host's is stale.
    guard packet.arg0 != 0 else { return [] }
    if stream.remoteID == 0 { return openToHostAccepted(packet, session: session) }
    guard stream.remoteID == packet.arg0 else { return [] }
    var acknowledged: Int?
    if session.delayedAck {
      guard let bytes = Self.window(in: packet) else {
        return [.closeConnection(ADBWireError(.protocolViolation, "OKAY without a 4-byte acknowledgement"))]
      }
      acknowledged = bytes
    }
    _ = streams.acknowledged(localID: localID, byteCount: acknowledged)
    var actions = flush(localID)
    if outbound[localID]?.isEmpty == true { actions.append(.outputDrained(localID: localID)) }
    return actions
  }

  mutating func closeReceived(_ packet: ADBPacket) -> [Action] {
    let localID = packet.arg1
    guard let stream = streams[localID] else {
      // The host refused a stream the phone had already given up: nothing is left to close.
      if packet.arg0 == 0 { abandonedOpens.remove(localID) }
      return []
    }
    // CLSE(0, id) refuses an OPEN (protocol.md); AOSP also sends it for ordinary closes.
    guard packet.arg0 == 0 || stream.remoteID == packet.arg0 else { return [] }
    streams.remove(localID: localID)
    outbound[localID] = nil
    return [.closeService(localID: localID)]
  }

  /// The i32 in a delayed-ack OKAY: a window (answering an OPEN) or acknowledged bytes.
  static func window(in packet: ADBPacket) -> Int? {
    guard packet.payload.readableBytes == 4,
      let bytes = packet.payload.getInteger(at: packet.payload.readerIndex, endianness: .little, as: Int32.self)
    else { return nil }
    return Int(bytes)
  }

  // MARK: - Events from services

  /// The service accepted the stream: answer the OPEN with OKAY.
  mutating func serviceAccepted(localID: UInt32) -> [Action] {
    guard let stream = streams[localID], let session else { return [] }
    var okay = ADBPacket(.okay, arg0: localID, arg1: stream.remoteID)
    if session.delayedAck { okay.payload.writeInteger(Self.receiveWindow, endianness: .little) }
    return [.send(okay, checksumVersion: session.version)]
  }

  /// No service answers that name: close the stream at once (AOSP sends CLSE(0, remote)).
  mutating func serviceRefused(localID: UInt32) -> [Action] {
    guard let stream = streams.remove(localID: localID), let session else { return [] }
    outbound[localID] = nil
    return [.send(ADBPacket(.close, arg0: 0, arg1: stream.remoteID), checksumVersion: session.version)]
  }

  /// A service wrote output: send what flow control allows now, queue the rest.
  mutating func serviceWrote(_ bytes: ByteBuffer, localID: UInt32) -> [Action] {
    guard bytes.readableBytes > 0, outbound[localID] != nil else { return [] }
    outbound[localID]!.chunks.append(bytes)
    return flush(localID)
  }

  /// A service is done: close the stream once its output has been sent.
  mutating func serviceFinished(localID: UInt32) -> [Action] {
    guard outbound[localID] != nil else { return [] }
    outbound[localID]!.finishWhenDrained = true
    return flush(localID)
  }

  /// Bytes queued for `localID` but not yet sent.
  func pendingOutputBytes(localID: UInt32) -> Int {
    outbound[localID]?.chunks.reduce(0) { $0 + $1.readableBytes } ?? 0
  }

  /// Sends what flow control allows; closes the stream when a finished service's output is out.
  mutating func flush(_ localID: UInt32) -> [Action] {
    guard var queue = outbound[localID], let session else { return [] }
    var actions: [Action] = []
    while let stream = streams[localID], stream.canWrite, !queue.chunks.isEmpty {
      var chunk = queue.chunks[0]
      let slice = chunk.readSlice(length: min(chunk.readableBytes, session.maxPayload))!
      if chunk.readableBytes == 0 { queue.chunks.removeFirst() } else { queue.chunks[0] = chunk }
      streams.wrote(localID: localID, byteCount: slice.readableBytes)
      let packet = ADBPacket(.write, arg0: localID, arg1: stream.remoteID, payload: slice)
      actions.append(.send(packet, checksumVersion: session.version))
    }
    guard queue.isEmpty && queue.finishWhenDrained, let stream = streams.remove(localID: localID) else {
      outbound[localID] = queue
      return actions
    }
    outbound[localID] = nil
    if stream.remoteID == 0 {
      // Given up before the host answered the phone's OPEN: there is no host id to close yet.
      abandonedOpens.insert(localID)
    } else {
      actions.append(.send(ADBPacket(.close, arg0: localID, arg1: stream.remoteID), checksumVersion: session.version))
    }
    return actions
  }
}
