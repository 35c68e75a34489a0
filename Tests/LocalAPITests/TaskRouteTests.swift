import Foundation
import Hummingbird
import HummingbirdTesting
import LocalAPI
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct TaskRouteTests {
  @Test func licenseCheckAlwaysEnablesTheAPI() async throws {
    try await APIFixture.withRouter(maxConcurrent: 7) { _, client in
      let reply = try await client.call(.get, "/api/v1/license/check")
      #expect(reply.status == .ok && reply.code == 0 && reply.message == "success")
      #expect(reply.data["api_enabled"] == true)
      #expect(reply.data["device_limit"] == 7)
      #expect(reply.data["plan_name"]?.stringValue?.isEmpty == false)
      #expect(reply.data["message"]?.stringValue?.isEmpty == false)
    }
  }

  @Test func createsFansOutAndRunsTasks() async throws {
    try await APIFixture.withRouter { _, client in
      let created = try await client.call(
        .post, "/api/v1/task",
        json: #"{"serials":["phone-1","phone-2"],"script_name":"quick","script_config":{"targets":["a","b"]}}"#)
      #expect(created.code == 0)
      #expect(created.data["created_count"] == 4)
      #expect(created.data["task_ids"]?.arrayValue?.count == 4)
      #expect(
        try await eventually {
          try await client.call(.get, "/api/v1/task/stats").data["completed"] == 4
        })
      let stats = try await client.call(.get, "/api/v1/task/stats").data
      #expect(stats == ["total": 4, "pending": 0, "running": 0, "completed": 4, "failed": 0])
    }
  }

  @Test func aTaskRecordHasEveryFieldOfAPIMd() async throws {
    try await APIFixture.withRouter { _, client in
      let created = try await client.call(
        .post, "/api/v1/task",
        json: #"{"serials":["phone-1"],"script_name":"quick","script_config":{"targets":["a"]},"min_interval":1.5}"#)
      let id = try #require(created.data["task_ids"]?.arrayValue?.first?.intValue)
      #expect(try await eventually { try await client.call(.get, "/api/v1/task/\(id)").data["status"] == 2 })
      let task = try await client.call(.get, "/api/v1/task/\(id)").data
      let fields = [
        "id", "serial", "username", "script_name", "script_config", "script_args", "status", "status_text", "source",
        "start_time", "created_at", "end_time", "retry_count", "remark", "result", "logs",
      ]
      for field in fields { #expect(task[field] != nil, "missing \(field)") }
      #expect(task["serial"] == "phone-1" && task["username"] == .null && task["script_name"] == "quick")
      #expect(task["script_config"] == ["target": "a"])
      #expect(task["status_text"] == "completed" && task["source"] == "api" && task["retry_count"] == 0)
      #expect(task["remark"] == "done" && task["result"] == ["target": "a"] && task["start_time"] == .null)
      let args = try JSONValue(jsonText: try #require(task["script_args"]?.stringValue))
      #expect(args == ["target": "a", "enable_multi_account": false, "min_interval": 1.5, "max_interval": 1.5])
      let time = #/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/#
      for field in ["created_at", "end_time"] {
        #expect(try time.wholeMatch(in: task[field]?.stringValue ?? "") != nil, "\(field) is not local time")
      }
      let log = try #require(task["logs"]?.arrayValue?.first)
      #expect(log["message"] == "working on a")
      #expect(try time.wholeMatch(in: log["time"]?.stringValue ?? "") != nil)
    }
  }

  @Test func listsWithEachFilterAndPaging() async throws {
    try await APIFixture.withRouter { engine, client in
      engine.devices.markOffline(serial: "phone-1")
      engine.devices.markOffline(serial: "phone-2")
      _ = try await client.call(
        .post, "/api/v1/task",
        json: #"{"serials":["phone-1","phone-2"],"script_name":"quick","script_config":{"targets":["a","b","c"]}}"#)
      _ = try await client.call(
        .post, "/api/v1/task",
        json: #"{"serials":["phone-2"],"script_name":"strict","script_config":{"comment_content":"x"},"source":"ui"}"#)
      func total(_ query: String) async throws -> Int? {
        try await client.call(.get, "/api/v1/task?\(query)").data["total"]?.intValue
      }
      #expect(try await total("") == 7)
      #expect(try await total("status=0") == 7)
      #expect(try await total("status=2") == 0)
      #expect(try await total("serial=phone-2") == 4)
      #expect(try await total("script_name=strict") == 1)
      #expect(try await total("source=ui") == 1)
      #expect(try await total("source=api&serial=phone-1") == 3)
      let page = try await client.call(.get, "/api/v1/task?page=2&page_size=3").data
      #expect(page["page"] == 2 && page["page_size"] == 3 && page["total"] == 7)
      #expect(page["tasks"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [4, 3, 2])
      let defaults = try await client.call(.get, "/api/v1/task").data
      #expect(defaults["page"] == 1 && defaults["page_size"] == 20)
      #expect(try await client.call(.get, "/api/v1/task?page_size=500").data["page_size"] == 100)
      for (query, field) in [
        ("status=7", "status"), ("status=x", "status"), ("page=0", "page"), ("page_size=abc", "page_size"),
        ("source=web", "source"),
      ] {
        let reply = try await client.call(.get, "/api/v1/task?\(query)")
        #expect(reply.code == 40001 && reply.message.contains(field), "\(query)")
      }
    }
  }

  @Test func batchAndStatsAndRetryAllAreRoutedBeforeTaskIDs() async throws {
    try await APIFixture.withRouter { _, client in
      #expect(try await client.call(.get, "/api/v1/task/stats").data["total"] == 0)
      #expect(try await client.call(.post, "/api/v1/task/retry-all").data == ["retried": 0])
      let reply = try await client.call(.delete, "/api/v1/task/batch", json: #"{"task_ids":[1]}"#)
      #expect(reply.code == 40401 && reply.message.contains("1"))
    }
  }

  @Test func stopsRetriesAndDeletes() async throws {
    try await APIFixture.withRouter { engine, client in
      let created = try await client.call(
        .post, "/api/v1/task", json: #"{"serials":["phone-1"],"script_name":"sleep"}"#)
      let id = try #require(created.data["task_ids"]?.arrayValue?.first?.intValue)
      #expect(try await eventually { try await engine.task(id: id).task.status == .running })
      let started = ContinuousClock.now
      let stopped = try await client.call(.post, "/api/v1/task/\(id)/stop")
      #expect(ContinuousClock.now - started < .seconds(2))
      #expect(stopped.code == 0 && stopped.data["status"] == 3 && stopped.data["remark"] == "stopped")
      #expect(try await client.call(.post, "/api/v1/task/\(id)/stop").code == 40001)
      let retried = try await client.call(.post, "/api/v1/task/\(id)/retry")
      #expect(retried.code == 0 && retried.data["retry_count"] == 1)
      #expect(try await client.call(.post, "/api/v1/task/\(id)/retry").code == 40001)
      #expect(try await eventually { try await engine.task(id: id).task.status == .running })
      let deleted = try await client.call(.delete, "/api/v1/task/\(id)")
      #expect(deleted.code == 0 && deleted.data == ["deleted": 1])
      #expect(try await client.call(.get, "/api/v1/task/\(id)").code == 40401)
    }
  }

  @Test func retryAllAndBatchDelete() async throws {
    try await APIFixture.withRouter { _, client in
      let failing = try await client.call(
        .post, "/api/v1/task", json: #"{"serials":["phone-1","phone-2"],"script_name":"fail"}"#)
      let ids = try #require(failing.data["task_ids"]?.arrayValue?.compactMap { $0.intValue })
      #expect(try await eventually { try await client.call(.get, "/api/v1/task/stats").data["failed"] == 2 })
      #expect(try await client.call(.post, "/api/v1/task/retry-all").data == ["retried": 2])
      #expect(try await eventually { try await client.call(.get, "/api/v1/task/stats").data["failed"] == 2 })
      let task = try await client.call(.get, "/api/v1/task/\(ids[0])").data
      #expect(task["retry_count"] == 1 && task["remark"] == "@missing_user does not exist")
      #expect(task["error_code"] == "target_missing")
      let deleted = try await client.call(.delete, "/api/v1/task/batch", json: #"{"task_ids":[\#(ids[0]),\#(ids[1])]}"#)
      #expect(deleted.code == 0 && deleted.data == ["deleted": 2])
      #expect(try await client.call(.get, "/api/v1/task/stats").data["total"] == 0)
      for body in [#"{}"#, #"{"task_ids":[]}"#, #"{"task_ids":"1"}"#, #"{"task_ids":["a"]}"#] {
        let reply = try await client.call(.delete, "/api/v1/task/batch", json: body)
        #expect(reply.code == 40001 && reply.message.contains("task_ids"), "\(body)")
      }
    }
  }
}
