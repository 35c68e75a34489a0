import Hummingbird
import TaskEngine

/// Every route of the API, in registration order: static segments (`/task/batch`,
/// `/task/stats`, `/task/retry-all`) before `/task/{id}`.
enum APIRoutes {
  static let all: [RouteSpec] = [
    RouteSpec(
      method: .get, path: "/license/check", operation: .checkLicense,
      summary: "API access: always enabled; device_limit is the cap on devices running at once (0 = none)",
      result: ref("License")),
    RouteSpec(
      method: .post, path: "/task", operation: .createTasks,
      summary: "Create tasks: targets × devices (or accounts), all or none", body: "CreateTaskRequest",
      result: ref("Created")),
    RouteSpec(
      method: .get, path: "/task", operation: .listTasks, summary: "List tasks, newest first",
      query: [
        .init(name: "status", schema: ["type": "integer", "minimum": 0, "maximum": 3], description: "0–3"),
        .init(name: "serial", schema: ["type": "string"], description: "device serial"),
        .init(name: "script_name", schema: ["type": "string"], description: "script"),
        .init(name: "source", schema: ["type": "string", "enum": ["api", "ui"]], description: "who created it"),
        .init(name: "page", schema: ["type": "integer", "minimum": 1, "default": 1], description: "from 1"),
        .init(
          name: "page_size", schema: ["type": "integer", "minimum": 1, "maximum": 100, "default": 20],
          description: "larger values are served as 100"),
      ], result: ref("TaskPage")),
    RouteSpec(
      method: .get, path: "/task/stats", operation: .taskStats, summary: "Counts by status", result: ref("Stats")),
    RouteSpec(
      method: .post, path: "/task/retry-all", operation: .retryAllTasks,
      summary: "Every failed task under the retry limit goes back to pending", result: ref("Retried")),
    RouteSpec(
      method: .delete, path: "/task/batch", operation: .deleteTasks,
      summary: "Delete tasks (running ones are stopped first); all ids must exist", body: "BatchDeleteRequest",
      result: ref("Deleted")),
    RouteSpec(
      method: .get, path: "/task/{id}", operation: .getTask, summary: "One task with its log lines and result",
      result: ref("TaskDetail")),
    RouteSpec(
      method: .delete, path: "/task/{id}", operation: .deleteTask, summary: "Delete a task (stopping it first)",
      result: ref("Deleted")),
    RouteSpec(
      method: .post, path: "/task/{id}/stop", operation: .stopTask,
      summary: "Stop a running task or cancel a pending one: it ends failed, remark \"stopped\"", result: ref("Task")),
    RouteSpec(
      method: .post, path: "/task/{id}/retry", operation: .retryTask,
      summary: "A failed task goes back to pending, retry_count + 1", result: ref("Task")),
    RouteSpec(
      method: .get, path: "/device", operation: .listDevices,
      summary: "Devices with state, model, source, running task",
      result: ref("DeviceList")),
    RouteSpec(
      method: .get, path: "/account", operation: .listAccounts, summary: "Accounts and their bound devices",
      query: [.init(name: "serial", schema: ["type": "string"], description: "only accounts bound to this device")],
      result: ref("AccountList")),
    RouteSpec(
      method: .post, path: "/account", operation: .addAccount, summary: "Add an account bound to a device",
      body: "AccountCreate", result: ref("Account")),
    RouteSpec(
      method: .put, path: "/account/{username}", operation: .updateAccount,
      summary: "Rebind (serial; null unbinds) or enable/disable an account", body: "AccountUpdate",
      result: ref("Account")),
    RouteSpec(
      method: .delete, path: "/account/{username}", operation: .deleteAccount, summary: "Remove an account",
      result: ref("Deleted")),
    RouteSpec(
      method: .get, path: "/events", operation: .streamEvents,
      summary: "Server-Sent Events: one `data: {task_id, serial, status}` per task status change, in order"),
    RouteSpec(method: .get, path: "/openapi.json", operation: .openAPI, summary: "This document"),
  ]

  static func ref(_ schema: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(schema)")] }
}
