import NIOCore
import NIOPosix

/// A TCP client for tests: connects to a loopback port, sends bytes and reads the answer.
enum LoopbackClient {
  /// Sends `bytes` to 127.0.0.1:`port` and returns the first `expecting` bytes that come back.
  /// - Throws: when the connection fails or closes before `expecting` bytes arrive.
  static func exchange(port: Int, sending bytes: [UInt8], expecting count: Int) async throws -> [UInt8] {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      try await outbound.write(ByteBuffer(bytes: bytes))
      var received: [UInt8] = []
      for try await chunk in inbound {
        received += chunk.readableBytesView
        if received.count >= count { break }
      }
      guard received.count >= count else { throw LoopbackClosed(received: received.count, expected: count) }
      return Array(received.prefix(count))
    }
  }

  /// The peer closed before sending enough.
  struct LoopbackClosed: Error {
    var received: Int
    var expected: Int
  }
}
