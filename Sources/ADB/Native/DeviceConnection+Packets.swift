import ADBWire
import NIOCore

extension DeviceConnection {
  /// Applies one packet from the phone to the streams (`ADB-PROTOCOL.md` §2, "Streams").
  ///
  /// Packets for streams we closed are ignored: the phone may have sent them before it saw our
  /// CLSE, and AOSP answers a CLSE with its own. A packet naming a stream id we never handed
  /// out is malformed input and ends the connection.
  /// - Throws: ``ADBError/Code/protocolError`` for malformed input.
  func handle(_ packet: ADBPacket) async throws {
    switch packet.command {
    case .okay: try okayReceived(packet)
    case .write: try writeReceived(packet)
    case .close: try closeReceived(packet)
    case .open: try await deviceOpenReceived(packet)
    case .connect:
      throw ADBError(.connectionLost, "\(serial) restarted its side of the connection (a new CNXN)")
    default:
      return  // AUTH after the handshake, and unknown commands with a valid magic: ignored, as AOSP does.
    }
  }

  private func okayReceived(_ packet: ADBPacket) throws {
    let localID = try knownLocalID(packet)
    guard var state = states[localID], let stream = streams[localID] else { return }
    if stream.remoteID == 0 {
      guard packet.arg0 != 0 else { throw malformed("OKAY for stream \(localID) names remote stream 0") }
      _ = streams.opened(localID: localID, remoteID: packet.arg0, sendWindow: try window(in: packet))
      state.isOpen = true
    } else {
      guard stream.remoteID == packet.arg0 else { return }
      _ = streams.acknowledged(localID: localID, byteCount: try window(in: packet))
    }
    state.wake()
    states[localID] = state
  }

  private func writeReceived(_ packet: ADBPacket) throws {
    let localID = try knownLocalID(packet)
    guard var state = states[localID], let stream = streams[localID], stream.remoteID == packet.arg0,
      !state.peerClosed
    else { return }
    guard packet.payload.readableBytes <= maxPayload else {
      throw malformed("WRTE of \(packet.payload.readableBytes) bytes exceeds the negotiated \(maxPayload)")
    }
    state.pending.append(packet.payload)
    state.wake()
    states[localID] = state
  }

  private func closeReceived(_ packet: ADBPacket) throws {
    guard packet.arg1 != 0 else { return }
    let localID = try knownLocalID(packet)
    guard var state = states[localID], let stream = streams[localID] else { return }
    if stream.remoteID == 0 {
      state.refused = true
    } else {
      guard packet.arg0 == 0 || packet.arg0 == stream.remoteID else { return }
      state.peerClosed = true
    }
    streams.remove(localID: localID)
    state.wake()
    states[localID] = state
  }

  /// Our id in `arg1`, checked against the ids handed out.
  private func knownLocalID(_ packet: ADBPacket) throws -> UInt32 {
    guard packet.arg1 != 0, packet.arg1 <= highestLocalID else {
      throw malformed("\(packet.command) names stream \(packet.arg1), which was never opened")
    }
    return packet.arg1
  }

  /// The 4-byte window or acknowledgement an OKAY carries in delayed-ack mode; nil in classic mode.
  private func window(in packet: ADBPacket) throws -> Int? {
    guard delayedAck else { return nil }
    guard packet.payload.readableBytes == 4,
      let bytes = packet.payload.getInteger(at: packet.payload.readerIndex, endianness: .little, as: Int32.self)
    else {
      throw malformed("OKAY with a \(packet.payload.readableBytes)-byte payload in delayed-ack mode (4 expected)")
    }
    return Int(bytes)
  }

  func malformed(_ detail: String) -> ADBError {
    ADBError(.protocolError, "malformed input from \(serial): \(detail)")
  }
}
