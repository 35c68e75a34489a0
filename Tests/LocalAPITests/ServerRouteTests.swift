import Foundation
import Hummingbird
import HummingbirdTesting
import LocalAPI
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ServerRouteTests {
  @Test func aConfiguredTokenIsRequiredOnEveryRoute() async throws {
    try await APIFixture.withRouter(token: "s3cret") { _, client in
      for path in ["/api/v1/license/check", "/api/v1/task", "/api/v1/openapi.json"] {
        let missing = try await client.call(.get, path)
        #expect(missing.status == .ok && missing.code == 40301 && missing.message.contains("Authorization"))
      }
      var wrong = HTTPFields()
      wrong[.authorization] = "Bearer nope"
      #expect(try await client.call(.get, "/api/v1/license/check", headers: wrong).code == 40301)
      var right = HTTPFields()
      right[.authorization] = "Bearer s3cret"
      #expect(try await client.call(.get, "/api/v1/license/check", headers: right).code == 0)
      let created = try await client.call(
        .post, "/api/v1/task", json: #"{"script_name":"quick","serials":["phone-1"]}"#)
      #expect(created.code == 40301)
    }
  }

  @Test func devicesShowStateModelSourceAndRunningTask() async throws {
    try await APIFixture.withRouter { engine, client in
      let created = try await client.call(
        .post, "/api/v1/task", json: #"{"serials":["phone-1"],"script_name":"sleep"}"#)
      let id = try #require(created.data["task_ids"]?.arrayValue?.first?.intValue)
      engine.devices.markOffline(serial: "phone-2")
      #expect(try await eventually { try await engine.task(id: id).task.status == .running })
      let devices = try #require(try await client.call(.get, "/api/v1/device").data["devices"]?.arrayValue)
      #expect(
        devices == [
          ["serial": "phone-1", "state": "online", "model": "Fake", "source": "test", "running_task_id": .int(id)],
          ["serial": "phone-2", "state": "offline", "model": "Fake", "source": "test", "running_task_id": nil],
        ])
      _ = try await client.call(.post, "/api/v1/task/\(id)/stop")
    }
  }

  @Test func accountsCanBeAddedListedChangedAndRemovedAndUsedByUsername() async throws {
    try await APIFixture.withRouter { _, client in
      let added = try await client.call(.post, "/api/v1/account", json: #"{"username":"alice","serial":"phone-2"}"#)
      #expect(added.code == 0 && added.data["username"] == "alice" && added.data["enabled"] == true)
      #expect(try await client.call(.post, "/api/v1/account", json: #"{"username":"alice"}"#).code == 40001)
      #expect(
        try await client.call(.post, "/api/v1/account", json: #"{"serial":"phone-1"}"#).message.contains("username"))
      _ = try await client.call(
        .post, "/api/v1/account", json: #"{"username":"bob","serial":"phone-1","enabled":false}"#)
      let listed = try await client.call(.get, "/api/v1/account").data["accounts"]?.arrayValue
      #expect(listed?.compactMap { $0["username"]?.stringValue } == ["alice", "bob"])
      #expect(try await client.call(.get, "/api/v1/account?serial=phone-1").data["accounts"]?.arrayValue?.count == 1)
      let created = try await client.call(
        .post, "/api/v1/task", json: #"{"usernames":["alice"],"script_name":"quick"}"#)
      let id = try #require(created.data["task_ids"]?.arrayValue?.first?.intValue)
      let task = try await client.call(.get, "/api/v1/task/\(id)").data
      #expect(task["serial"] == "phone-2" && task["username"] == "alice")
      let refused = try await client.call(.post, "/api/v1/task", json: #"{"usernames":["bob"],"script_name":"quick"}"#)
      #expect(refused.code == 40001 && refused.message.contains("bob"))
      let unbound = try await client.call(.put, "/api/v1/account/alice", json: #"{"serial":null,"enabled":false}"#)
      #expect(unbound.code == 0 && unbound.data["serial"] == .null && unbound.data["enabled"] == false)
      let rebound = try await client.call(.put, "/api/v1/account/alice", json: #"{"enabled":true}"#)
      #expect(rebound.data["serial"] == .null && rebound.data["enabled"] == true)
      #expect(try await client.call(.delete, "/api/v1/account/alice").data == ["deleted": 1])
      #expect(try await client.call(.delete, "/api/v1/account/alice").code == 40401)
    }
  }

  @Test func theOpenAPIDocumentListsExactlyTheRouterRoutes() async throws {
    let engine = try TaskEngine(configuration: .init(storage: .inMemory), scripts: APIFixture.scripts)
    let router = LocalAPIServer(engine: engine).buildRouter()
    let app = Application(router: router)
    let document = try await app.test(.router) { client in
      let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
      #expect(response.status == .ok)
      return try JSONValue(jsonBytes: response.body.readableBytesView)
    }
    #expect(document["openapi"]?.stringValue?.hasPrefix("3.") == true)
    let paths = try #require(document["paths"]?.objectValue)
    var documented = Set<String>()
    for (path, item) in paths {
      for method in (item.objectValue ?? [:]).keys { documented.insert("\(method.uppercased()) \(path)") }
    }
    let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
    #expect(routed.count == 17)
    #expect(routed == documented)
    // Every $ref resolves.
    let schemas = try #require(document["components"]?["schemas"]?.objectValue)
    for reference in Self.references(in: document) {
      #expect(schemas[String(reference.dropFirst("#/components/schemas/".count))] != nil, "\(reference)")
    }
  }

  static func references(in value: JSONValue) -> [String] {
    switch value {
    case .object(let members):
      return (members["$ref"]?.stringValue.map { [$0] } ?? []) + members.values.flatMap { references(in: $0) }
    case .array(let values): return values.flatMap { references(in: $0) }
    default: return []
    }
  }
}
