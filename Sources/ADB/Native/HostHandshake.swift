import ADBWire
import NIOCore

/// The host's side of CNXN and AUTH (`ADB-PROTOCOL.md` §2, "Handshake"): send CNXN, sign each
/// token with the next key, then offer the first public key and wait for the user.
///
/// Only CNXN, AUTH and STLS are looked at: stale packets from an earlier session (a CLSE, a
/// WRTE) are ignored, as ya-webadb does (adb_shell #155).
struct HostHandshake {
  /// What the handshake settled.
  struct Outcome: Sendable {
    /// The phone's banner.
    var banner: ConnectionBanner
    /// `min(ours, phone's)`.
    var version: UInt32
    /// `min(ours, phone's)`.
    var maxPayload: Int
    /// Whether both banners list `delayed_ack`.
    var delayedAck: Bool
  }

  /// Where the exchange stands, for the timeout's message.
  private enum Progress {
    case awaitingReply
    case signing
    case awaitingUser
  }

  let link: any PacketLink
  let options: DeviceConnection.Options
  private var keysLeft: ArraySlice<ADBKey>
  private var progress = Progress.awaitingReply

  init(link: any PacketLink, options: DeviceConnection.Options) {
    self.link = link
    self.options = options
    keysLeft = options.keys[...]
  }

  /// Runs the handshake within ``DeviceConnection/Options/authTimeout``.
  /// - Throws: ``ADBError/Code/deviceUnauthorized`` when the phone trusts no key in time,
  ///   ``ADBError/Code/timedOut`` when it never answers, ``ADBError/Code/protocolError`` for a
  ///   malformed reply, ``ADBError/Code/connectionLost`` when it hangs up.
  static func run(link: any PacketLink, options: DeviceConnection.Options) async throws -> Outcome {
    let progress = ProgressBox()
    return try await withThrowingTaskGroup(of: Outcome?.self) { group in
      group.addTask {
        var handshake = HostHandshake(link: link, options: options)
        return try await handshake.exchange(progress: progress)
      }
      group.addTask {
        try await Task.sleep(for: options.authTimeout)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let done = first else {
        link.close()
        throw await progress.timeoutError(peer: link.peerDescription, timeout: options.authTimeout)
      }
      return done
    }
  }

  private mutating func exchange(progress box: ProgressBox) async throws -> Outcome {
    let banner = ConnectionBanner(systemType: "host", features: options.bannerFeatures)
    let connect = ADBPacket(
      .connect, arg0: ADBProtocol.currentVersion, arg1: UInt32(ADBProtocol.maxPayload),
      payload: ByteBuffer(string: banner.description))
    try await link.send(connect, checksumVersion: ADBProtocol.versionMin)
    var packets = link.inbound.makeAsyncIterator()
    while let packet = try await packets.next() {
      switch packet.command {
      case .connect:
        return try Self.outcome(of: packet, ours: banner, peer: link.peerDescription)
      case .auth where packet.arg0 == AuthType.token.rawValue:
        try await answer(token: Array(packet.payload.readableBytesView))
        await box.set(progress)
      case .startTLS:
        throw ADBError(
          .protocolError,
          "\(link.peerDescription) asks for TLS (Android 11+ wireless debugging), which DroidMatrix does not speak; "
            + "enable `adb tcpip 5555` on the phone and connect to that port")
      default:
        continue
      }
    }
    throw ADBError(.connectionLost, "\(link.peerDescription) closed the connection during the handshake")
  }

  /// Signs with the next key, or offers the public key once every key has been refused.
  private mutating func answer(token: [UInt8]) async throws {
    if let key = keysLeft.popFirst() {
      progress = .signing
      let signature = try key.sign(token: token)
      let packet = ADBPacket(.auth, arg0: AuthType.signature.rawValue, arg1: 0, payload: ByteBuffer(bytes: signature))
      try await link.send(packet, checksumVersion: ADBProtocol.versionMin)
      return
    }
    guard progress != .awaitingUser else { return }  // Already offered: the user decides.
    guard let key = options.keys.first else {
      throw ADBError(
        .deviceUnauthorized,
        "\(link.peerDescription) requires authentication and no adb key was given; "
          + "use ~/.android/adbkey (created by `droidmatrix keygen` or adb)")
    }
    progress = .awaitingUser
    let line = try key.publicKey().line + "\0"
    let packet = ADBPacket(.auth, arg0: AuthType.rsaPublicKey.rawValue, arg1: 0, payload: ByteBuffer(string: line))
    try await link.send(packet, checksumVersion: ADBProtocol.versionMin)
  }

  private static func outcome(of packet: ADBPacket, ours: ConnectionBanner, peer: String) throws -> Outcome {
    let banner: ConnectionBanner
    do {
      banner = try ConnectionBanner(parsing: packet.payload)
    } catch {
      throw ADBError(.protocolError, "\(peer) sent a malformed CNXN banner", underlying: error)
    }
    guard packet.arg0 >= ADBProtocol.versionMin, packet.arg1 > 0 else {
      throw ADBError(
        .protocolError, "\(peer) sent CNXN with version 0x\(String(packet.arg0, radix: 16)), max payload \(packet.arg1)"
      )
    }
    return Outcome(
      banner: banner, version: min(packet.arg0, ADBProtocol.currentVersion),
      maxPayload: min(Int(packet.arg1), ADBProtocol.maxPayload),
      delayedAck: banner.supports(ADBFeature.delayedAck) && ours.supports(ADBFeature.delayedAck))
  }

  /// The handshake's progress, readable by the timeout.
  private actor ProgressBox {
    private var progress = Progress.awaitingReply

    func set(_ progress: Progress) { self.progress = progress }

    func timeoutError(peer: String, timeout: Duration) -> ADBError {
      switch progress {
      case .awaitingReply:
        return ADBError(.timedOut, "\(peer) did not answer the connection request within \(timeout)")
      case .signing, .awaitingUser:
        return ADBError(
          .deviceUnauthorized,
          "\(peer) is unauthorized: it trusts none of this computer's adb keys. "
            + "Accept \"Allow USB debugging\" on the phone (tick \"Always allow from this computer\"), then retry; "
            + "gave up after \(timeout)")
      }
    }
  }
}
