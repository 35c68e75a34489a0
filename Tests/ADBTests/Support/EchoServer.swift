import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 that sends back every byte it receives: the host end of forwards
/// and reverses in tests.
final class EchoServer: Sendable {
  private let channel: any Channel

  /// The port it listens on.
  var port: Int { channel.localAddress?.port ?? 0 }

  private init(channel: any Channel) { self.channel = channel }

  /// Starts a server on a free loopback port.
  static func start() async throws -> EchoServer {
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { child in
        child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(EchoHandler()) }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    return EchoServer(channel: channel)
  }

  /// Runs `body` with a server, stopping it afterwards.
  static func with<T>(_ body: (EchoServer) async throws -> T) async throws -> T {
    let server = try await start()
    do {
      let result = try await body(server)
      try? await server.channel.close()
      return result
    } catch {
      try? await server.channel.close()
      throw error
    }
  }
}

private final class EchoHandler: ChannelInboundHandler, Sendable {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    context.writeAndFlush(data, promise: nil)
  }
}
