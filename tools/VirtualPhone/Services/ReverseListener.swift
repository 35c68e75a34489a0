import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The listening socket of a `tcp:` reverse forward (AOSP `adb_listeners.cpp`): each connection
/// it accepts is bridged (``SocketBridge``) to a stream to the host over the connection that
/// owns the forward.
enum ReverseListener {
  /// Binds `port` (0 lets the kernel pick) on the transport's address and event loop.
  ///
  /// The listener looks up its forward's host spec in `phone`'s table at each accept, so a
  /// rebind to another host spec applies to the next connection, and a connection accepted
  /// after the forward was removed is closed.
  /// - Parameters:
  ///   - port: the port to listen on.
  ///   - phone: the phone whose ``ReverseForwards`` will hold the listener.
  ///   - transport: the host connection accepted sockets are bridged over.
  /// - Returns: the listening channel, or a failed future with the bind error.
  static func bind(port: Int, phone: VirtualPhone, transport: any PhoneTransport) -> EventLoopFuture<any Channel> {
    let loop = transport.eventLoop
    // Only a socket event loop can listen (the in-memory test channel's loop cannot).
    guard let bootstrap = ServerBootstrap(validatingGroup: loop) else {
      return loop.makeFailedFuture(ChannelError.operationUnsupported)
    }
    let owner = NIOLoopBound(WeakTransport(transport), eventLoop: loop)
    return
      bootstrap
      // adbd sets SO_REUSEADDR on its listeners (`_network_loopback_server`).
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      // adbd reads nothing from an accepted socket until the host has accepted the stream.
      .childChannelOption(.autoRead, value: false)
      .childChannelInitializer { child in
        child.eventLoop.makeCompletedFuture {
          guard let listener = child.parent, let host = phone.reverseForwards.host(forListener: listener),
            let transport = owner.value.transport
          else { throw ChannelError.ioOnClosedChannel }
          try child.pipeline.syncOperations.addHandler(SocketBridge(openingStreamTo: host, over: transport))
        }
      }
      .bind(host: transport.listenAddress, port: port)
  }

  /// adbd's words for a failed bind: `strerror` of the socket call's errno.
  static func describe(_ error: any Error) -> String {
    guard let error = error as? IOError else { return "\(error)" }
    return String(cString: strerror(error.errnoCode))
  }

  /// The owning connection, held weakly: a listener must not keep a closed connection alive.
  private final class WeakTransport {
    weak var transport: (any PhoneTransport)?
    init(_ transport: any PhoneTransport) { self.transport = transport }
  }
}
