import ADBWire
import NIOCore
import NIOPosix

/// A phone reached without an adb server: DroidMatrix speaks the device protocol itself over TCP
/// (`adb tcpip` phones, emulators, cloud and virtual phones) or USB.
///
/// One actor per connection owns the handshake's outcome and every stream multiplexed over the
/// link: ids, classic flow control or delayed-ack credit, buffered input. Streams are drained
/// as their readers consume them, and each WRTE is acknowledged then, so a slow reader holds
/// back only its own stream. Malformed input from the phone (bad magic, oversized length, a
/// stream id never opened) closes this connection with ``ADBError/Code/protocolError``;
/// other connections are not affected.
///
/// ```swift
/// let phone = try await DeviceConnection.connect(host: "192.168.1.20", port: 5555,
///                                                options: .init(keys: ADBKeyStore.allKeys()))
/// let result = try await phone.shell("getprop ro.product.model")
/// await phone.close()
/// ```
public actor DeviceConnection: ADBDevice {
  /// How the connection names the phone: `HOST:PORT` over TCP, the USB serial number over USB.
  public nonisolated let serial: String
  /// The phone's CNXN banner: its type, properties and features.
  public nonisolated let banner: ConnectionBanner
  /// The negotiated protocol version.
  public nonisolated let version: UInt32
  /// The negotiated largest payload.
  public nonisolated let maxPayload: Int
  /// Whether streams use delayed-ack credit instead of one outstanding WRTE.
  public nonisolated let delayedAck: Bool

  let link: any PacketLink
  let options: Options
  let group: any EventLoopGroup
  var streams = StreamTable()
  var states: [UInt32: StreamState] = [:]
  /// The highest local id handed out: a packet naming a higher one names a stream that never
  /// existed, which is malformed input.
  var highestLocalID: UInt32 = 0
  /// Why the connection ended, once it has.
  var failure: ADBError?
  /// Reverse tunnels configured through this connection: device spec → host spec.
  var reverseTunnels: [String: String] = [:]
  /// Listeners of ``forward(local:remote:noRebind:)``, by local spec.
  var forwards: [String: ForwardListener] = [:]
  /// Tags waiting tasks, so a cancelled one can be told apart.
  var nextWaiterID = 0

  init(
    link: any PacketLink, serial: String, outcome: HostHandshake.Outcome, options: Options,
    group: any EventLoopGroup
  ) {
    self.link = link
    self.serial = serial
    self.banner = outcome.banner
    self.version = outcome.version
    self.maxPayload = outcome.maxPayload
    self.delayedAck = outcome.delayedAck
    self.options = options
    self.group = group
  }

  // MARK: - Connecting

  /// Connects to a phone's adbd over TCP and runs the handshake.
  /// - Parameters:
  ///   - host: the phone's address.
  ///   - port: adbd's port (5555 after `adb tcpip 5555`).
  ///   - options: keys, auth timeout, delayed-ack.
  /// - Throws: ``ADBError/Code/deviceOffline`` when nothing listens there;
  ///   ``ADBError/Code/deviceUnauthorized`` when the phone trusts no key in time.
  public static func connect(
    host: String, port: Int = ADBProtocol.defaultDevicePort, options: Options = Options(),
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> DeviceConnection {
    let link = try await TCPPacketLink.connect(host: host, port: port, group: group)
    return try await connect(over: link, serial: "\(host):\(port)", options: options, group: group)
  }

  /// Runs the handshake over an open link and starts reading its packets.
  static func connect(
    over link: any PacketLink, serial: String, options: Options = Options(),
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> DeviceConnection {
    let outcome: HostHandshake.Outcome
    do {
      outcome = try await HostHandshake.run(link: link, options: options)
    } catch {
      link.close()
      throw error
    }
    let connection = DeviceConnection(link: link, serial: serial, outcome: outcome, options: options, group: group)
    Task { await connection.readPackets() }
    return connection
  }

  /// Closes the link; streams still open fail with ``ADBError/Code/connectionLost``.
  public func close() {
    fail(ADBError(.connectionLost, "the connection to \(serial) was closed"))
  }

  /// The phone as `adb devices -l` would list it: state `device`, product, model (sanitized
  /// to alphanumerics and `_`, as the adb server does) and device from its banner.
  public nonisolated var info: ADBDeviceInfo {
    let model = banner.properties[ConnectionBanner.PropertyKey.productModel].map { model in
      String(model.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
    return ADBDeviceInfo(
      serial: serial, state: banner.systemType, product: banner.properties[ConnectionBanner.PropertyKey.productName],
      model: model, device: banner.properties[ConnectionBanner.PropertyKey.productDevice])
  }

  /// Whether the connection still works.
  public var isConnected: Bool { failure == nil }

  // MARK: - ADBDevice

  /// The features both sides list: what streams of this connection may use.
  public nonisolated func features() async throws -> Set<String> {
    Set(banner.features).intersection(options.bannerFeatures)
  }

  public nonisolated func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result)
    async throws -> Result
  {
    let localID = try await openStream(service)
    let stream = ADBStream(transport: NativeStreamTransport(connection: self, localID: localID))
    do {
      let result = try await body(stream)
      await closeStream(localID)
      return result
    } catch {
      await closeStream(localID)
      throw error
    }
  }

  // MARK: - Reading the link

  /// Dispatches the link's packets until it closes or fails.
  private func readPackets() async {
    do {
      for try await packet in link.inbound {
        try await handle(packet)
        if failure != nil { return }
      }
      fail(ADBError(.connectionLost, "\(serial) closed the connection"))
    } catch let error as ADBError {
      fail(error)
    } catch {
      fail(ADBError(.connectionLost, "the connection to \(serial) failed", underlying: error))
    }
  }

  /// Ends the connection: closes the link and fails every waiter with `error`.
  func fail(_ error: ADBError) {
    guard failure == nil else { return }
    failure = error
    link.close()
    for localID in Array(states.keys) {
      states[localID]?.fail(error)
    }
    states.removeAll()
    _ = streams.removeAll()
    closeForwardListeners()
  }

  /// Sends a packet at the negotiated version. A link that cannot send is dead: the connection
  /// ends with the link's reason.
  func send(_ packet: ADBPacket) async throws {
    if let failure { throw failure }
    do {
      try await link.send(packet, checksumVersion: version)
    } catch {
      let reason = error as? ADBError ?? ADBError(.connectionLost, "cannot send to \(serial)", underlying: error)
      fail(reason)
      throw failure ?? reason
    }
  }
}
