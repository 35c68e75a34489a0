import Foundation
import Hummingbird
import HummingbirdTesting
import LocalAPI
import Synchronization
import TaskEngine
import Testing

/// The whole server on a real loopback socket.
@Suite(.timeLimit(.minutes(1))) struct LiveServerTests {
  @Test func servesTheAPIOverHTTP() async throws {
    try await APIFixture.withLiveServer { _, client in
      let license = try await client.send("GET", "/api/v1/license/check")
      #expect(license.status == 200 && license.code == 0 && license.data["api_enabled"] == true)
      #expect(license.headers["content-type"]?.hasPrefix("application/json") == true)
      let created = try await client.send(
        "POST", "/api/v1/task",
        json: #"{"serials":["phone-1","phone-2"],"script_name":"quick","script_config":{"targets":["a","b"]}}"#)
      #expect(created.code == 0 && created.data["created_count"] == 4)
      #expect(
        try await eventually {
          try await client.send("GET", "/api/v1/task/stats").data["completed"] == 4
        })
      let list = try await client.send("GET", "/api/v1/task?status=2&page_size=2")
      #expect(list.data["total"] == 4 && list.data["tasks"]?.arrayValue?.count == 2)
    }
  }

  @Test func refusesMalformedBodiesAndUnknownRoutesOverHTTP() async throws {
    try await APIFixture.withLiveServer { _, client in
      let malformed = try await client.send("POST", "/api/v1/task", json: #"{"script_name": "quick", "serials": [}"#)
      #expect(malformed.status == 200 && malformed.code == 40001 && malformed.message.contains("JSON"))
      let missing = try await client.send("POST", "/api/v1/task", json: #"{"serials":["phone-1"]}"#)
      #expect(missing.status == 200 && missing.code == 40002)
      let unknown = try await client.send("GET", "/api/v2/task")
      #expect(unknown.status == 404 && unknown.code == 40401)
      let method = try await client.send("DELETE", "/api/v1/task/stats")
      #expect(method.status == 405 && method.code == 40401 && method.headers["allow"] == "GET")
      #expect(try await client.send("GET", "/api/v1/task/stats").data["total"] == 0)
    }
  }

  @Test func refusesBodiesOverOneMebibyteWith413AndTheEnvelope() async throws {
    try await APIFixture.withLiveServer { _, client in
      let padding = String(repeating: "x", count: LocalAPIServer.maxBodySize)
      let body = #"{"serials":["phone-1"],"script_name":"quick","script_config":{"pad":"\#(padding)"}}"#
      let reply = try await client.send("POST", "/api/v1/task", json: body)
      #expect(reply.status == 413 && reply.code == 40001 && reply.message.contains("1 MiB"))
      // Streamed without a length (chunked), the limit holds as well.
      let chunked = try await client.send(
        "POST", "/api/v1/task", body: Array(Self.chunked(Array(body.utf8)).utf8),
        headers: ["Transfer-Encoding": "chunked", "Content-Type": "application/json"], omitLength: true)
      #expect(chunked.status == 413 && chunked.code == 40001)
      #expect(try await client.send("GET", "/api/v1/task/stats").data["total"] == 0)
      // Just under the limit is accepted.
      let small = String(repeating: "y", count: 1000)
      let accepted = try await client.send(
        "POST", "/api/v1/task",
        json: #"{"serials":["phone-1"],"script_name":"quick","script_config":{"pad":"\#(small)"}}"#)
      #expect(accepted.code == 0)
    }
  }

  static func chunked(_ bytes: [UInt8]) -> String {
    var text = ""
    var index = 0
    while index < bytes.count {
      let end = min(index + 65_536, bytes.count)
      text += String(end - index, radix: 16) + "\r\n" + String(decoding: bytes[index..<end], as: UTF8.self) + "\r\n"
      index = end
    }
    return text + "0\r\n\r\n"
  }

  @Test func requiresTheTokenOverHTTP() async throws {
    try await APIFixture.withLiveServer(token: "t0ken") { (_, client) async throws in
      #expect(try await client.send("GET", "/api/v1/task").code == 40301)
      #expect(try await client.send("GET", "/api/v1/task", headers: ["Authorization": "Bearer t0ken"]).code == 0)
    }
  }

  @Test func theEventStreamReportsEveryStatusChangeInOrder() async throws {
    try await APIFixture.withLiveServer { engine, client in
      let listening = OneTimeFlag()
      async let lines: [String] = client.exchange("GET", "/api/v1/events") { received in
        let text = String(decoding: received, as: UTF8.self)
        if text.contains(": task status changes") { listening.raise() }
        // Chunk framing ends in CRLF, which Swift counts as one character: normalize first.
        let data = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").filter {
          $0.hasPrefix("data: ")
        }.map { String($0.dropFirst(6)) }
        return data.count >= 9 ? data : nil
      }
      #expect(await eventually { listening.isRaised })
      let first = try await client.send(
        "POST", "/api/v1/task", json: #"{"serials":["phone-1","phone-2"],"script_name":"quick"}"#)
      let second = try await client.send("POST", "/api/v1/task", json: #"{"serials":["phone-1"],"script_name":"fail"}"#)
      let ids = (first.data["task_ids"]?.arrayValue ?? []) + (second.data["task_ids"]?.arrayValue ?? [])
      let events = try await lines.map { try JSONValue(jsonText: $0) }
      var statuses: [Int: [Int]] = [:]
      for event in events {
        statuses[event["task_id"]?.intValue ?? 0, default: []].append(event["status"]?.intValue ?? -1)
        #expect(event["serial"]?.stringValue?.hasPrefix("phone-") == true)
      }
      #expect(statuses[ids[0].intValue ?? 0] == [0, 1, 2])
      #expect(statuses[ids[1].intValue ?? 0] == [0, 1, 2])
      #expect(statuses[ids[2].intValue ?? 0] == [0, 1, 3])
      _ = engine
    }
  }

  @Test func anIdleEventStreamSendsKeepAlives() async throws {
    try await APIFixture.withLiveServer { _, client in
      let text = try await client.exchange("GET", "/api/v1/events") { received in
        let text = String(decoding: received, as: UTF8.self)
        return text.contains(": keep-alive") ? text : nil
      }
      #expect(text.contains("text/event-stream"))
    }
  }

  @Test func theHummingbirdLiveClientSeesTheSameAPI() async throws {
    try await APIFixture.withEngine { engine in
      let app = Application(router: LocalAPIServer(engine: engine).buildRouter())
      try await app.test(.live) { client in
        let reply = try await client.call(.get, "/api/v1/task/stats")
        #expect(reply.code == 0 && reply.data["total"] == 0)
      }
    }
  }
}

/// A flag set once, read from any task.
final class OneTimeFlag: Sendable {
  private let flag = Mutex(false)
  func raise() { flag.withLock { $0 = true } }
  var isRaised: Bool { flag.withLock { $0 } }
}
