import ADBWire
import ChildProcess
import NIOCore
import NIOPosix

/// One TCP connection to the adb server, carrying one service (`ADB-PROTOCOL.md` §1).
enum ServerConnection {
  /// Connects to `address` and runs `body` with the connection as a stream; the connection
  /// closes when `body` returns.
  /// - Throws: ``ADBError/Code/serverUnavailable`` when nothing listens at `address`.
  static func with<Result>(
    _ address: ADBServerAddress, group: any EventLoopGroup, _ body: (ADBStream) async throws -> Result
  ) async throws -> Result {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    do {
      channel = try await ClientBootstrap(group: group)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        // NIO's default watermarks (32/64 KiB) would make the async writer wait after every
        // 1 MiB sync write until the socket drained; allow a few MiB in flight instead.
        .channelOption(.writeBufferWaterMark, value: .init(low: 2 << 20, high: 8 << 20))
        .connect(host: address.host, port: address.port) { channel in
          channel.eventLoop.makeCompletedFuture {
            try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
          }
        }
    } catch {
      throw ADBError(.serverUnavailable, "cannot reach the adb server at \(address)", underlying: error)
    }
    return try await channel.executeThenClose { inbound, outbound in
      let stream = ADBStream(transport: ServerStreamTransport(inbound: inbound.makeAsyncIterator(), outbound: outbound))
      return try await body(stream)
    }
  }
}

/// The adb-server path's stream: the TCP connection itself.
private final class ServerStreamTransport: StreamTransport {
  private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

  init(
    inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  ) {
    self.inbound = inbound
    self.outbound = outbound
  }

  func receive() async throws -> ByteBuffer? {
    do {
      return try await inbound.next()
    } catch {
      throw ADBError(.connectionLost, "the adb server closed the connection", underlying: error)
    }
  }

  func send(_ bytes: ByteBuffer) async throws {
    try await concurrentWriter.send(bytes)
  }

  var concurrentWriter: any ConcurrentStreamWriter { ServerStreamWriter(outbound: outbound) }
}

/// The TCP connection's outbound side, which NIO lets any task use.
private struct ServerStreamWriter: ConcurrentStreamWriter {
  let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

  func send(_ bytes: ByteBuffer) async throws {
    do {
      try await outbound.write(bytes)
    } catch {
      throw ADBError(.connectionLost, "the adb server closed the connection", underlying: error)
    }
  }
}

// MARK: - Smart-socket exchanges

extension ADBStream {
  /// Sends a request (`host:version`, `host:transport:X`, `shell:ls`…) and reads OKAY.
  /// - Throws: ``ADBError`` with the server's FAIL text mapped to a code.
  func request(_ service: String) async throws {
    var frame = ByteBuffer()
    do {
      try SmartSocketFrame.writeRequest(service, to: &frame)
    } catch {
      throw ADBError(.protocolError, "cannot send \(service.debugDescription)", underlying: error)
    }
    try await write(frame)
    try await readStatus()
  }

  /// Reads OKAY, or throws the FAIL.
  func readStatus() async throws {
    let status = try await read { buffer in
      do {
        return try SmartSocketFrame.readStatus(from: &buffer)
      } catch {
        throw ADBError(.protocolError, "the adb server sent an invalid status", underlying: error)
      }
    }
    if case .fail(let message) = status { throw ADBError.serverFailure(message) }
  }

  /// Reads a hex4-prefixed payload as text.
  func readHexPrefixedString() async throws -> String {
    let payload = try await read { buffer in
      do {
        return try SmartSocketFrame.readHexPrefixed(from: &buffer)
      } catch {
        throw ADBError(.protocolError, "the adb server sent an invalid length", underlying: error)
      }
    }
    return String(decoding: payload.readableBytesView, as: UTF8.self)
  }
}
