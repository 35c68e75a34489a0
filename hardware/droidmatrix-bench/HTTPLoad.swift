import NIOCore
import NIOHTTP1
import NIOPosix

/// A small closed-loop HTTP/1.1 load: a few keep-alive connections on loopback, each sending
/// its requests one after another, every round trip timed.
struct HTTPLoad {
  /// The server's port on 127.0.0.1.
  var port: Int
  /// The request path, with its query.
  var path: String
  /// Concurrent keep-alive connections.
  var connections: Int
  /// Requests per connection.
  var requestsPerConnection: Int

  /// What one load run measured.
  struct Result: Encodable {
    /// What was asked.
    var path: String
    /// Requests answered, all with HTTP 200.
    var requests: Int
    /// Wall time of the whole run.
    var seconds: Double
    /// Bytes of the first response's body.
    var bodyBytes: Int
    /// The median round trip.
    var p50Milliseconds: Double
    /// The 99th percentile round trip.
    var p99Milliseconds: Double

    /// Requests answered per second of wall time.
    var requestsPerSecond: Double { Double(requests) / seconds }
  }

  /// Runs the load and returns its figures; throws on a connection error or a status other than 200.
  func run() async throws -> Result {
    let start = ContinuousClock.now
    let perConnection = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
      for _ in 0..<connections {
        group.addTask { try await self.oneConnection(requests: self.requestsPerConnection) }
      }
      var all: [([Double], Int)] = []
      for try await samples in group { all.append(samples) }
      return all
    }
    let seconds = Self.seconds(ContinuousClock.now - start)
    let samples = perConnection.flatMap(\.0).sorted()
    return Result(
      path: path, requests: samples.count, seconds: seconds, bodyBytes: perConnection.first?.1 ?? 0,
      p50Milliseconds: Self.percentile(samples, 0.5), p99Milliseconds: Self.percentile(samples, 0.99))
  }

  /// Sends `requests` requests on one connection; returns each round trip in milliseconds and
  /// the first body's size.
  func oneConnection(requests: Int) async throws -> ([Double], Int) {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHTTPClientHandlers()
          return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
            wrappingChannelSynchronously: channel)
        }
      }
    let head = HTTPRequestHead(
      version: .http1_1, method: .GET, uri: path, headers: ["Host": "127.0.0.1:\(port)", "Connection": "keep-alive"])
    return try await channel.executeThenClose { inbound, outbound in
      var responses = inbound.makeAsyncIterator()
      var samples: [Double] = []
      samples.reserveCapacity(requests)
      var firstBody = 0
      for index in 0..<requests {
        let sent = ContinuousClock.now
        try await outbound.write(contentsOf: [.head(head), .end(nil)])
        var bodyBytes = 0
        responseLoop: while true {
          guard let part = try await responses.next() else { throw BenchFailure("\(path): connection closed") }
          switch part {
          case .head(let response):
            guard response.status == .ok else { throw BenchFailure("\(path): HTTP \(response.status.code)") }
          case .body(let buffer):
            bodyBytes += buffer.readableBytes
          case .end:
            break responseLoop
          }
        }
        samples.append(Self.seconds(ContinuousClock.now - sent) * 1000)
        if index == 0 { firstBody = bodyBytes }
      }
      return (samples, firstBody)
    }
  }

  /// `duration` in seconds.
  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  /// The sample at `fraction` of sorted `samples` (nearest rank).
  static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
  }
}
