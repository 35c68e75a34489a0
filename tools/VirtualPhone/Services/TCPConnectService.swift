import NIOCore
import NIOPosix

/// `tcp:PORT` and `tcp:localhost:PORT`: adbd connects to that port on the phone's own loopback
/// and bridges the stream to the socket both ways. It is what `adb forward tcp:X tcp:PORT`
/// opens for each connection to the host's port X.
///
/// adbd connects before it answers the OPEN (`service_to_fd` → `socket_spec_connect`), so the
/// stream is accepted (OKAY) only once the connection is up, and refused (CLSE) when nothing
/// listens there. adbd refuses any other host ("adbd does not support arbitrary tcp
/// connections"): only an empty host and `localhost` count as local (`tcp_host_is_local`).
/// The virtual phone's loopback is this machine's 127.0.0.1.
final class TCPConnectService: PreparingPhoneService {
  /// Where the phone connects.
  let port: Int
  private let bridge: SocketBridge
  private let eventLoop: any EventLoop
  private var channel: (any Channel)?
  private var isClosed = false

  /// The service for a `tcp:` spec, or nil when adbd would refuse it (a malformed spec, a port
  /// out of range, a host that is not local).
  /// - Parameters:
  ///   - spec: the service name, `tcp:PORT` or `tcp:HOST:PORT`.
  ///   - output: the stream.
  ///   - eventLoop: the host connection's event loop, where the socket will run.
  init?(spec: String, output: any ServiceOutput, eventLoop: any EventLoop) {
    guard let port = Self.localPort(in: spec) else { return nil }
    self.port = port
    self.bridge = SocketBridge(stream: output)
    self.eventLoop = eventLoop
  }

  /// The port of a `tcp:PORT` / `tcp:HOST:PORT` spec whose host is local (AOSP
  /// `parse_tcp_socket_spec`, `tcp_host_is_local`); nil otherwise.
  static func localPort(in spec: String) -> Int? {
    guard spec.hasPrefix("tcp:") else { return nil }
    let address = spec.dropFirst("tcp:".count)
    var host = ""
    var portText = address
    if let colon = address.lastIndex(of: ":") {
      host = String(address[..<colon])
      portText = address[address.index(after: colon)...]
      if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    }
    guard host.isEmpty || host == "localhost", let port = Int(portText), (1...65535).contains(port) else { return nil }
    return port
  }

  // MARK: - PreparingPhoneService

  func prepare(_ completion: @escaping (Bool) -> Void) {
    // Only a socket event loop can connect (the in-memory test channel's loop cannot).
    guard let bootstrap = ClientBootstrap(validatingGroup: eventLoop) else { return completion(false) }
    let bridge = NIOLoopBound(self.bridge, eventLoop: eventLoop)
    bootstrap
      // adbd disables Nagle on the sockets it connects (`disable_tcp_nagle`).
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      // Nothing is read from the socket until the stream is accepted and the service started.
      .channelOption(.autoRead, value: false)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(bridge.value) }
      }
      .connect(host: "127.0.0.1", port: port)
      .hop(to: eventLoop)
      .assumeIsolated()
      .whenComplete { result in
        switch result {
        case .success(let channel):
          guard !self.isClosed else {
            channel.close(promise: nil)  // The host gave the stream up while connecting.
            return completion(false)
          }
          self.channel = channel
          completion(true)
        case .failure:
          completion(false)
        }
      }
  }

  // MARK: - PhoneService

  func start() { bridge.start() }

  func received(_ bytes: ByteBuffer) { bridge.received(bytes) }

  func outputDrained() { bridge.outputDrained() }

  func closedByHost() {
    isClosed = true
    bridge.closedByHost()
  }
}
