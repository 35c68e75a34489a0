import Foundation
import Hummingbird
import HummingbirdTesting
import LocalAPI
import NIOCore
import TaskEngine
import Testing

enum APIFixture {
  static let scripts = ScriptRegistry([QuickScript(), SleepScript(), FailScript(), StrictScript()])

  /// An in-memory engine with fake devices `phone-1` and `phone-2`, running.
  static func withEngine<T>(
    maxConcurrent: Int = 0, _ body: @Sendable (TaskEngine) async throws -> T
  ) async throws -> T {
    let engine = try TaskEngine(
      configuration: .init(storage: .inMemory, maxConcurrent: maxConcurrent), scripts: scripts)
    for serial in ["phone-1", "phone-2"] {
      await engine.devices.register(serial: serial, device: FakeDevice(serial: serial), model: "Fake", source: "test")
    }
    let runner = Task { await engine.run() }
    defer { runner.cancel() }
    return try await body(engine)
  }

  /// The router in process (no socket), over a running engine.
  static func withRouter<T>(
    token: String? = nil, maxConcurrent: Int = 0,
    _ body: @Sendable (TaskEngine, any TestClientProtocol) async throws -> T
  ) async throws -> T {
    try await withEngine(maxConcurrent: maxConcurrent) { engine in
      let server = LocalAPIServer(engine: engine, token: token)
      let app = Application(router: server.buildRouter())
      return try await app.test(.router) { client in try await body(engine, client) }
    }
  }

  /// The full server on a free loopback port, engine included, for real HTTP.
  static func withLiveServer<T>(
    token: String? = nil, _ body: @Sendable (TaskEngine, RawHTTPClient) async throws -> T
  ) async throws -> T {
    let engine = try TaskEngine(configuration: .init(storage: .inMemory), scripts: scripts)
    for serial in ["phone-1", "phone-2"] {
      await engine.devices.register(serial: serial, device: FakeDevice(serial: serial), model: "Fake", source: "test")
    }
    var server = LocalAPIServer(engine: engine, port: 0, token: token)
    server.keepAliveInterval = .milliseconds(300)
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = server.buildApplication(onServerRunning: { port in portSink.yield(port) })
    let running = Task { try await app.run() }
    defer { running.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    return try await body(engine, RawHTTPClient(port: port))
  }
}

/// A response's envelope.
struct Reply: Sendable {
  let status: HTTPResponse.Status
  let headers: HTTPFields
  let json: JSONValue

  init(_ response: TestResponse) throws {
    status = response.status
    headers = response.headers
    json = try JSONValue(jsonBytes: response.body.readableBytesView)
  }

  var code: Int? { json["code"]?.intValue }
  var message: String { json["message"]?.stringValue ?? "" }
  var data: JSONValue { json["data"] ?? .null }
}

extension TestClientProtocol {
  /// Sends a request with an optional JSON body and parses the envelope.
  func call(
    _ method: HTTPRequest.Method, _ path: String, json body: String? = nil, headers: HTTPFields = [:]
  ) async throws -> Reply {
    var headers = headers
    if body != nil { headers[.contentType] = "application/json" }
    let response = try await execute(
      uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    return try Reply(response)
  }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
@discardableResult
func eventually(timeout: Duration = .seconds(5), _ condition: () async throws -> Bool) async rethrows -> Bool {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if try await condition() { return true }
    try? await Task.sleep(for: .milliseconds(20))
  }
  return try await condition()
}
