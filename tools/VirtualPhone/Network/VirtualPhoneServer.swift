import ADBWire
import NIOCore
import NIOPosix
import Synchronization

/// Serves virtual phones over TCP, each on its own port, like adbd after `adb tcpip`.
///
/// Many phones share one process and one event-loop group: a hundred phones are a hundred
/// listening sockets, not a hundred processes.
///
/// ```swift
/// let server = try await VirtualPhoneServer.start(phones: [VirtualPhone()], firstPort: 0)
/// // adb connect 127.0.0.1:\(server.ports[0])
/// await server.stop()
/// ```
public final class VirtualPhoneServer: Sendable {
  /// How the served phones behave on the wire, including fault injection for tests.
  public struct Behaviour: Sendable {
    /// AUTH policy, shared by every phone of this server.
    public var authentication: PhoneAuthentication
    /// Largest payload offered in CNXN.
    public var maxPayload: Int
    /// Delay before each packet the phone sends.
    public var latency: Duration
    /// Drop a connection after it has carried this many bytes.
    public var vanishAfterBytes: Int?
    /// Features advertised in the banner.
    public var features: [String]

    /// Creates a behaviour; the defaults are a healthy Android 13 phone without auth.
    public init(
      authentication: PhoneAuthentication = .disabled, maxPayload: Int = ADBProtocol.maxPayload,
      latency: Duration = .zero, vanishAfterBytes: Int? = nil, features: [String] = VirtualPhoneServer.defaultFeatures
    ) {
      self.authentication = authentication
      self.maxPayload = maxPayload
      self.latency = latency
      self.vanishAfterBytes = vanishAfterBytes
      self.features = features
    }
  }

  /// What a current adbd advertises that the phone implements.
  public static let defaultFeatures = [
    ADBFeature.shellV2, ADBFeature.cmd, ADBFeature.statV2, ADBFeature.listV2, ADBFeature.fixedPushMkdir,
    ADBFeature.sendReceiveV2, ADBFeature.delayedAck,
  ]

  /// One phone's listening socket and its live connections.
  private struct Listener: Sendable {
    let phone: VirtualPhone
    let channel: any Channel
    let connections: ConnectionSet
  }

  private let listeners: [Listener]
  /// The address the phones listen on.
  public let host: String

  private init(listeners: [Listener], host: String) {
    self.listeners = listeners
    self.host = host
  }

  /// The phones, in port order.
  public var phones: [VirtualPhone] { listeners.map(\.phone) }

  /// Each phone's TCP port, in the order of ``phones``.
  public var ports: [Int] { listeners.map { $0.channel.localAddress?.port ?? 0 } }

  /// Each phone's `host:port`, as `adb connect` takes it.
  public var addresses: [String] { ports.map { "\(host):\($0)" } }

  /// Starts listening for every phone.
  /// - Parameters:
  ///   - phones: the phones to serve.
  ///   - host: the address to bind; loopback by default.
  ///   - firstPort: the first phone's port, the next ones following; 0 picks a free port per phone.
  ///   - behaviour: wire behaviour and fault injection.
  ///   - group: the event loops to use.
  /// - Throws: the bind error of the first port that cannot be used (already-started phones are stopped).
  public static func start(
    phones: [VirtualPhone], host: String = "127.0.0.1", firstPort: Int = 0, behaviour: Behaviour = Behaviour(),
    group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
  ) async throws -> VirtualPhoneServer {
    var listeners: [Listener] = []
    do {
      for (index, phone) in phones.enumerated() {
        let port = firstPort == 0 ? 0 : firstPort + index
        listeners.append(try await listen(phone: phone, host: host, port: port, behaviour: behaviour, group: group))
      }
    } catch {
      for listener in listeners { try? await listener.channel.close() }
      throw error
    }
    return VirtualPhoneServer(listeners: listeners, host: host)
  }

  private static func listen(
    phone: VirtualPhone, host: String, port: Int, behaviour: Behaviour, group: any EventLoopGroup
  ) async throws -> Listener {
    let connections = ConnectionSet()
    let banner = ConnectionBanner(
      systemType: "device",
      properties: [
        ConnectionBanner.PropertyKey.productName: phone.configuration.product,
        ConnectionBanner.PropertyKey.productModel: phone.configuration.model,
        ConnectionBanner.PropertyKey.productDevice: phone.configuration.device,
      ],
      features: behaviour.features)
    let channel = try await ServerBootstrap(group: group)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        connections.insert(channel)
        return channel.eventLoop.makeCompletedFuture {
          let machine = DeviceConnectionStateMachine(
            banner: banner, maxPayload: behaviour.maxPayload, authentication: behaviour.authentication,
            makeToken: { (0..<AuthType.tokenLength).map { _ in UInt8.random(in: 0...255) } })
          let operations = channel.pipeline.syncOperations
          if let limit = behaviour.vanishAfterBytes { try operations.addHandler(ByteBudgetHandler(limit: limit)) }
          try operations.addHandler(ByteToMessageHandler(ADBPacketByteDecoder(maxPayload: behaviour.maxPayload)))
          try operations.addHandler(
            DeviceConnectionHandler(
              phone: phone, machine: machine, latency: behaviour.latency, listenAddress: host))
        }
      }
      .bind(host: host, port: port)
      .get()
    return Listener(phone: phone, channel: channel, connections: connections)
  }

  /// Drops every connection of the phone at `index`, which keeps listening: a cable pulled and
  /// plugged back in.
  public func disconnect(phoneAt index: Int) async {
    await listeners[index].connections.closeAll()
  }

  /// Stops the phone at `index`: its port closes and its connections drop, as if it vanished.
  /// Other phones are untouched.
  public func stop(phoneAt index: Int) async {
    try? await listeners[index].channel.close()
    await listeners[index].connections.closeAll()
  }

  /// Stops every phone.
  public func stop() async {
    for index in listeners.indices { await stop(phoneAt: index) }
  }

  /// Returns when every phone's port has closed.
  public func waitUntilStopped() async throws {
    for listener in listeners { try await listener.channel.closeFuture.get() }
  }
}

/// The live connections of one phone, so that stopping the phone can drop them.
final class ConnectionSet: Sendable {
  private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

  func insert(_ channel: any Channel) {
    let id = ObjectIdentifier(channel)
    channels.withLock { $0[id] = channel }
    channel.closeFuture.whenComplete { [self] _ in
      _ = channels.withLock { $0.removeValue(forKey: id) }
    }
  }

  var count: Int { channels.withLock { $0.count } }

  func closeAll() async {
    let open = channels.withLock { Array($0.values) }
    for channel in open { try? await channel.close() }
  }
}
