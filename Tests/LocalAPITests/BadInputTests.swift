import Hummingbird
import HummingbirdTesting
import LocalAPI
import TaskEngine
import Testing

/// Issue 7, "Done when" 2: every refused create names what was wrong, and creates nothing.
@Suite(.timeLimit(.minutes(1))) struct BadInputTests {
  static let refusedCreates: [(body: String, code: Int, names: String)] = [
    (#"{"serials":["phone-1"]}"#, 40002, "script_name"),
    (#"{"serials":["phone-1"],"script_name":null}"#, 40002, "script_name"),
    (#"{"serials":["phone-1"],"script_name":""}"#, 40002, "script_name"),
    (#"{"serials":["phone-1"],"script_name":"warp_drive"}"#, 40001, "script_name"),
    (#"{"serials":["phone-1"],"script_name":5}"#, 40001, "script_name"),
    (#"{"serials":["phone-1"],"script_name":"quick""#, 40001, "JSON"),
    (#"{serials: ["phone-1"]}"#, 40001, "JSON"),
    ("", 40001, "empty"),
    (#"["phone-1"]"#, 40001, "object"),
    (#"{"serials":"phone-1","script_name":"quick"}"#, 40001, "serials"),
    (#"{"serials":[1,2],"script_name":"quick"}"#, 40001, "serials"),
    (#"{"usernames":{"a":1},"script_name":"quick"}"#, 40001, "usernames"),
    (#"{"serials":["phone-1"],"script_name":"quick","script_config":5}"#, 40001, "script_config"),
    (#"{"serials":["phone-1"],"script_name":"quick","script_config":"not json"}"#, 40001, "script_config"),
    (#"{"serials":["phone-1"],"script_name":"quick","enable_multi_account":"yes"}"#, 40001, "enable_multi_account"),
    (#"{"serials":["phone-1"],"script_name":"quick","min_interval":"soon"}"#, 40001, "min_interval"),
    (#"{"serials":["phone-1"],"script_name":"quick","max_interval":[1]}"#, 40001, "max_interval"),
    (#"{"serials":["phone-1"],"script_name":"quick","start_time":930}"#, 40001, "start_time"),
    (#"{"serials":["phone-1"],"script_name":"quick","start_time":"25:61"}"#, 40001, "start_time"),
    (#"{"serials":["phone-1"],"script_name":"quick","start_time":"9.30"}"#, 40001, "start_time"),
    (#"{"serials":["phone-1"],"script_name":"quick","start_time":"tomorrow"}"#, 40001, "start_time"),
    (#"{"serials":["phone-1"],"usernames":["alice"],"script_name":"quick"}"#, 40001, "serials"),
    (#"{"script_name":"quick"}"#, 40001, "serials"),
    (#"{"serials":[],"usernames":[],"script_name":"quick"}"#, 40001, "serials"),
    (#"{"serials":["nowhere"],"script_name":"quick"}"#, 40001, "serials"),
    (#"{"usernames":["ghost"],"script_name":"quick"}"#, 40001, "usernames"),
    (#"{"serials":["phone-1"],"script_name":"strict"}"#, 40001, "script_config.comment_content"),
    (#"{"serials":["phone-1"],"script_name":"quick","script_config":{"targets":[]}}"#, 40001, "script_config.targets"),
    (#"{"serials":["phone-1"],"script_name":"quick","source":"cli"}"#, 40001, "source"),
    (#"{"serials":["phone-1"],"script_name":"quick","min_interval":5,"max_interval":2}"#, 40001, "max_interval"),
  ]

  @Test(arguments: refusedCreates.indices) func refusedCreateNamesTheFieldAndCreatesNothing(index: Int) async throws {
    let (body, code, names) = Self.refusedCreates[index]
    try await APIFixture.withRouter { _, client in
      let reply = try await client.call(.post, "/api/v1/task", json: body)
      #expect(reply.status == .ok)
      #expect(reply.code == code)
      #expect(reply.message.contains(names), "\(reply.message)")
      #expect(reply.data == .null)
      #expect(try await client.call(.get, "/api/v1/task/stats").data["total"] == 0)
    }
  }

  @Test(arguments: [
    ("GET", "/api/v1/task/99"), ("DELETE", "/api/v1/task/99"), ("POST", "/api/v1/task/99/stop"),
    ("POST", "/api/v1/task/99/retry"), ("PUT", "/api/v1/account/ghost"), ("DELETE", "/api/v1/account/ghost"),
  ])
  func unknownIDsAre40401(method: String, path: String) async throws {
    try await APIFixture.withRouter { _, client in
      let reply = try await client.call(HTTPRequest.Method(method)!, path, json: method == "PUT" ? "{}" : nil)
      #expect(reply.status == .ok && reply.code == 40401)
      #expect(reply.message.contains(method == "PUT" || path.contains("account") ? "ghost" : "99"))
    }
  }

  @Test func aTaskIDThatIsNotANumberIsNamed() async throws {
    try await APIFixture.withRouter { _, client in
      let reply = try await client.call(.get, "/api/v1/task/abc")
      #expect(reply.code == 40001 && reply.message.contains("id"))
    }
  }

  @Test func unknownRoutesAre404AndUnknownMethods405WithTheEnvelope() async throws {
    try await APIFixture.withRouter { _, client in
      let missing = try await client.call(.get, "/api/v1/nothing")
      #expect(missing.status == .notFound && missing.code == 40401 && missing.data == .null)
      let outside = try await client.call(.get, "/")
      #expect(outside.status == .notFound && outside.code == 40401)
      let wrongMethod = try await client.call(.put, "/api/v1/task")
      #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.code == 40401)
      #expect(wrongMethod.headers[.allow] == "GET, POST")
      let wrongOnID = try await client.call(.patch, "/api/v1/task/3")
      #expect(wrongOnID.status == .methodNotAllowed && wrongOnID.headers[.allow] == "DELETE, GET")
    }
  }
}
