import ADBWire
import NIOCore

/// The device side of the ADB device protocol, as adbd runs it: handshake, AUTH, and the
/// streams the host opens. Values in, actions out; ``DeviceConnectionHandler`` carries the
/// actions out, so every rule here is testable without a socket.
///
/// Rules and their sources (AOSP `docs/dev/protocol.md`, `delayed_ack.md`, `adb.cpp`):
/// - Until the host's CNXN arrives only CNXN is processed; during AUTH only CNXN and AUTH.
/// - Version and max payload are `min(own, host)`; CNXN and AUTH always carry a checksum.
/// - A second CNXN resets the session: every stream is dropped.
/// - Classic flow control: one unacknowledged WRTE per stream. Delayed-ack (both banners list
///   `delayed_ack`): OPEN.arg1 is the host's window; our OKAY carries our window, later OKAYs
///   the bytes acknowledged.
/// - OKAY, WRTE and CLSE for unknown streams are ignored, as are unknown commands.
struct DeviceConnectionStateMachine {
  /// What the handler must do.
  enum Action: Equatable {
    /// Write a packet; `checksumVersion` decides whether `data_check` is computed.
    case send(ADBPacket, checksumVersion: UInt32)
    /// The host opened a stream: create the service, then call `serviceAccepted` or `serviceRefused`.
    case openService(localID: UInt32, service: String)
    /// Data from the host for a service.
    case deliver(ByteBuffer, localID: UInt32)
    /// A service's queued output has all been sent: it may produce more.
    case outputDrained(localID: UInt32)
    /// The host closed a stream, or the session was reset: drop the service.
    case closeService(localID: UInt32)
    /// Close the transport.
    case closeConnection(ADBWireError)
  }

  /// Receive window offered to the host per stream in delayed-ack mode (adbd uses 32 MiB).
  static let receiveWindow: Int32 = 32 * 1024 * 1024

  private enum State {
    case awaitingConnect
    case authenticating(token: [UInt8], offer: HostOffer)
    case connected(Session)
  }

  /// What the host's CNXN proposed.
  private struct HostOffer {
    var version: UInt32
    var maxPayload: Int
    var banner: ConnectionBanner
  }

  /// The negotiated session.
  struct Session: Equatable {
    var version: UInt32
    var maxPayload: Int
    var delayedAck: Bool
  }

  /// A stream's output waiting for flow-control credit.
  private struct OutboundQueue {
    var chunks: [ByteBuffer] = []
    var finishWhenDrained = false
    var isEmpty: Bool { chunks.isEmpty }
  }

  private let banner: ConnectionBanner
  private let maxPayload: Int
  private let authentication: PhoneAuthentication
  private let makeToken: () -> [UInt8]
  private var state = State.awaitingConnect
  private var streams = StreamTable()
  private var outbound: [UInt32: OutboundQueue] = [:]

  /// Creates the machine for one connection.
  /// - Parameters:
  ///   - banner: the phone's CNXN banner.
  ///   - maxPayload: the largest payload the phone offers.
  ///   - authentication: whether and how AUTH is required.
  ///   - makeToken: 20 random bytes per AUTH token (injected so tests are deterministic).
  init(
    banner: ConnectionBanner, maxPayload: Int, authentication: PhoneAuthentication,
    makeToken: @escaping () -> [UInt8]
  ) {
    self.banner = banner
    self.maxPayload = maxPayload
    self.authentication = authentication
    self.makeToken = makeToken
  }

  /// The negotiated session, once CNXN has been answered.
  var session: Session? {
    if case .connected(let session) = state { return session }
    return nil
  }

  /// How many streams are open.
  var openStreamCount: Int { streams.count }

  // MARK: - Events from the host

  /// A packet arrived from the host.
  mutating func packetReceived(_ packet: ADBPacket) -> [Action] {
    switch (packet.command, state) {
    case (.connect, _): return connectReceived(packet)
    case (.auth, .authenticating(let token, let offer)): return authReceived(packet, token: token, offer: offer)
    case (.open, .connected(let session)): return openReceived(packet, session: session)
    case (.write, .connected(let session)): return writeReceived(packet, session: session)
    case (.okay, .connected(let session)): return okayReceived(packet, session: session)
    case (.close, .connected): return closeReceived(packet)
    default: return []  // Stale or unknown packets are ignored (ya-webadb, AOSP).
    }
  }

  private mutating func connectReceived(_ packet: ADBPacket) -> [Action] {
    let hostBanner: ConnectionBanner
    do {
      hostBanner = try ConnectionBanner(parsing: packet.payload)
    } catch {
      return [.closeConnection(error)]
    }
    guard packet.arg1 > 0 else {
      return [.closeConnection(ADBWireError(.protocolViolation, "CNXN with max payload 0"))]
    }
    var actions = resetStreams()
    let offer = HostOffer(
      version: min(packet.arg0, ADBProtocol.currentVersion),
      maxPayload: min(Int(packet.arg1), maxPayload), banner: hostBanner)
    if authentication.isRequired {
      let token = makeToken()
      state = .authenticating(token: token, offer: offer)
      actions.append(Self.authToken(token))
    } else {
      actions.append(accept(offer))
    }
    return actions
  }

  private mutating func authReceived(_ packet: ADBPacket, token: [UInt8], offer: HostOffer) -> [Action] {
    switch AuthType(rawValue: packet.arg0) {
    case .signature:
      if authentication.verifies(signature: Array(packet.payload.readableBytesView), token: token) {
        return [accept(offer)]
      }
      let next = makeToken()
      state = .authenticating(token: next, offer: offer)
      return [Self.authToken(next)]
    case .rsaPublicKey:
      let text = String(decoding: packet.payload.readableBytesView, as: UTF8.self)
      guard let key = try? AndroidPublicKey(parsing: text), authentication.offered(key) else {
        return []  // Unauthorized until the user accepts: the host waits, as with a real phone.
      }
      return [accept(offer)]
    case .token, nil:
      return []
    }
  }

  private mutating func accept(_ offer: HostOffer) -> Action {
    let delayedAck = offer.banner.supports(ADBFeature.delayedAck) && banner.supports(ADBFeature.delayedAck)
    state = .connected(Session(version: offer.version, maxPayload: offer.maxPayload, delayedAck: delayedAck))
    let reply = ADBPacket(
      .connect, arg0: offer.version, arg1: UInt32(offer.maxPayload), payload: ByteBuffer(string: banner.description))
    return .send(reply, checksumVersion: ADBProtocol.versionMin)
  }

  private static func authToken(_ token: [UInt8]) -> Action {
    let packet = ADBPacket(.auth, arg0: AuthType.token.rawValue, arg1: 0, payload: ByteBuffer(bytes: token))
    return .send(packet, checksumVersion: ADBProtocol.versionMin)
  }

  private mutating func openReceived(_ packet: ADBPacket, session: Session) -> [Action] {
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

  private mutating func writeReceived(_ packet: ADBPacket, session: Session) -> [Action] {
    guard let stream = streams[packet.arg1], stream.remoteID == packet.arg0 else { return [] }
    var okay = ADBPacket(.okay, arg0: stream.localID, arg1: stream.remoteID)
    if session.delayedAck {
      okay.payload.writeInteger(Int32(packet.payload.readableBytes), endianness: .little)
    }
    // Acknowledge first: the service may answer at once and even close the stream, and an OKAY
    // after our CLSE would name a stream the host has already forgotten.
    return [.send(okay, checksumVersion: session.version), .deliver(packet.payload, localID: stream.localID)]
  }

  private mutating func okayReceived(_ packet: ADBPacket, session: Session) -> [Action] {
    let localID = packet.arg1
    guard let stream = streams[localID], stream.remoteID == packet.arg0 else { return [] }
    var acknowledged: Int?
    if session.delayedAck {
      guard let bytes = packet.payload.getInteger(at: packet.payload.readerIndex, endianness: .little, as: Int32.self),
        packet.payload.readableBytes == 4
      else {
        return [.closeConnection(ADBWireError(.protocolViolation, "OKAY without a 4-byte acknowledgement"))]
      }
      acknowledged = Int(bytes)
    }
    _ = streams.acknowledged(localID: localID, byteCount: acknowledged)
    var actions = flush(localID)
    if outbound[localID]?.isEmpty == true { actions.append(.outputDrained(localID: localID)) }
    return actions
  }

  private mutating func closeReceived(_ packet: ADBPacket) -> [Action] {
    let localID = packet.arg1
    guard let stream = streams[localID], packet.arg0 == 0 || stream.remoteID == packet.arg0 else { return [] }
    streams.remove(localID: localID)
    outbound[localID] = nil
    return [.closeService(localID: localID)]
  }

  private mutating func resetStreams() -> [Action] {
    outbound.removeAll()
    return streams.removeAll().map { .closeService(localID: $0.localID) }
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

  private mutating func flush(_ localID: UInt32) -> [Action] {
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
    if queue.isEmpty && queue.finishWhenDrained, let stream = streams.remove(localID: localID) {
      outbound[localID] = nil
      actions.append(.send(ADBPacket(.close, arg0: localID, arg1: stream.remoteID), checksumVersion: session.version))
    } else {
      outbound[localID] = queue
    }
    return actions
  }
}
