import ADBWire
import NIOCore

/// The device side of the ADB device protocol, as adbd runs it: handshake, AUTH, the streams the
/// host opens and the streams the phone opens to the host (`adb reverse`). Values in, actions
/// out; ``DeviceConnectionHandler`` carries the actions out, so every rule here is testable
/// without a socket.
///
/// Rules and their sources (AOSP `docs/dev/protocol.md`, `delayed_ack.md`, `adb.cpp`):
/// - Until the host's CNXN arrives only CNXN is processed; during AUTH only CNXN and AUTH.
/// - Version and max payload are `min(own, host)`; CNXN and AUTH always carry a checksum.
/// - A second CNXN resets the session: every stream is dropped, and so is everything else the
///   transport owned (adbd's `handle_offline` runs the transport's disconnect hooks).
/// - Classic flow control: one unacknowledged WRTE per stream. Delayed-ack (both banners list
///   `delayed_ack`): an OPEN's arg1 is the opener's window; the OKAY answering it carries the
///   responder's window, later OKAYs the bytes acknowledged.
/// - OKAY, WRTE and CLSE for unknown streams are ignored, as are unknown commands.
///
/// Stream events live in `DeviceConnectionStateMachine+Streams.swift`, the streams the phone
/// opens in `DeviceConnectionStateMachine+DeviceOpens.swift`.
struct DeviceConnectionStateMachine {
  /// What the handler must do.
  enum Action: Equatable {
    /// Write a packet; `checksumVersion` decides whether `data_check` is computed.
    case send(ADBPacket, checksumVersion: UInt32)
    /// The host opened a stream: create the service, then call `serviceAccepted` or `serviceRefused`.
    case openService(localID: UInt32, service: String)
    /// The host accepted a stream the phone opened (``openToHost(service:)``): start its service.
    case startService(localID: UInt32)
    /// Data from the host for a service.
    case deliver(ByteBuffer, localID: UInt32)
    /// A service's queued output has all been sent: it may produce more.
    case outputDrained(localID: UInt32)
    /// The host closed or refused a stream, or the session was reset: drop the service.
    case closeService(localID: UInt32)
    /// A new CNXN reset the session: release what the transport owned besides its streams (its
    /// reverse forwards), as adbd's `atransport::RunDisconnects` does.
    case resetTransport
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
  struct OutboundQueue {
    var chunks: [ByteBuffer] = []
    var finishWhenDrained = false
    var isEmpty: Bool { chunks.isEmpty }
  }

  private let banner: ConnectionBanner
  private let maxPayload: Int
  private let authentication: PhoneAuthentication
  private let makeToken: () -> [UInt8]
  private var state = State.awaitingConnect
  // Internal rather than private: the stream extensions in other files keep them.
  /// Ids and flow-control credit of every open or opening stream.
  var streams = StreamTable()
  /// Output of each stream waiting for credit.
  var outbound: [UInt32: OutboundQueue] = [:]
  /// Streams the phone opened and gave up before the host answered: an OKAY for one of them
  /// gets a CLSE, so the host's end does not linger (AOSP `handle_packet`, A_OKAY for an
  /// unknown local socket).
  var abandonedOpens: Set<UInt32> = []

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

  /// How many streams are open or opening.
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
    if session != nil { actions.append(.resetTransport) }
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

  private mutating func resetStreams() -> [Action] {
    outbound.removeAll()
    abandonedOpens.removeAll()
    return streams.removeAll().map { .closeService(localID: $0.localID) }
  }
}
