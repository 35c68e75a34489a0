import NIOCore
import NIOPosix
import TaskEngine

/// A minimal HTTP/1.1 client over a real loopback socket: one request per connection, the
/// bytes exactly as given, the response read as it arrives.
struct RawHTTPClient: Sendable {
  let port: Int

  struct Response: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var json: JSONValue { (try? JSONValue(jsonBytes: body)) ?? .null }
    var code: Int? { json["code"]?.intValue }
    var message: String { json["message"]?.stringValue ?? "" }
    var data: JSONValue { json["data"] ?? .null }
  }

  /// Sends a request and reads the whole response.
  func send(
    _ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:], omitLength: Bool = false
  ) async throws -> Response {
    try await exchange(method, path, body: body, headers: headers, omitLength: omitLength) { received in
      Self.parse(received)
    }
  }

  /// Sends a JSON text body.
  func send(_ method: String, _ path: String, json: String, headers: [String: String] = [:]) async throws -> Response {
    var headers = headers
    headers["Content-Type"] = "application/json"
    return try await send(method, path, body: Array(json.utf8), headers: headers)
  }

  /// Sends a request and hands the text received so far to `done` after each read, until it
  /// returns a value.
  func exchange<T: Sendable>(
    _ method: String, _ path: String, body: [UInt8]? = nil, headers: [String: String] = [:],
    omitLength: Bool = false, until done: @Sendable ([UInt8]) -> T?
  ) async throws -> T {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    return try await channel.executeThenClose { inbound, outbound in
      var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
      for (name, value) in headers { head += "\(name): \(value)\r\n" }
      if let body, !omitLength { head += "Content-Length: \(body.count)\r\n" }
      head += "\r\n"
      do {
        try await outbound.write(ByteBuffer(string: head))
        if let body { try await outbound.write(ByteBuffer(bytes: body)) }
      } catch {
        // The server may answer and close before reading a refused body: read what it said.
      }
      var received: [UInt8] = []
      for try await chunk in inbound {
        received += chunk.readableBytesView
        if let value = done(received) { return value }
      }
      guard let value = done(received) else { throw RawHTTPError.incomplete(received.count) }
      return value
    }
  }

  /// A complete response in `bytes`, or nil while more is needed.
  static func parse(_ bytes: [UInt8]) -> Response? {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    guard let end = bytes.firstRange(of: separator) else { return nil }
    let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
    guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
    else { return nil }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingPrefix(" ").description
    }
    let rest = Array(bytes[end.upperBound...])
    if let length = headers["content-length"].flatMap({ Int($0) }) {
      return rest.count >= length ? Response(status: status, headers: headers, body: Array(rest.prefix(length))) : nil
    }
    if headers["transfer-encoding"] == "chunked" {
      return dechunk(rest).map { Response(status: status, headers: headers, body: $0) }
    }
    return nil
  }

  /// The body of a complete chunked encoding, or nil while more is needed.
  static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
    var body: [UInt8] = []
    var index = 0
    while true {
      guard let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) else { return nil }
      let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
      guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return nil }
      let start = lineEnd.upperBound
      if size == 0 { return body }
      guard bytes.count >= start + size + 2 else { return nil }
      body += bytes[start..<start + size]
      index = start + size + 2
    }
  }
}

enum RawHTTPError: Error {
  case incomplete(Int)
}
