import TaskEngine

/// The component schemas of the OpenAPI document.
enum OpenAPISchemas {
  static let string: JSONValue = ["type": "string"]
  static let nullableString: JSONValue = ["type": "string", "nullable": true]
  static let integer: JSONValue = ["type": "integer"]
  static let localTime: JSONValue = [
    "type": "string", "nullable": true, "pattern": "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$",
    "description": "local time YYYY-MM-DD HH:MM:SS",
  ]

  static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
    var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
    if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
    return .object(schema)
  }

  static func list(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }

  static let task = object([
    "id": integer, "serial": string, "username": nullableString, "script_name": string,
    "script_config": ["type": "object"],
    "script_args": ["type": "string", "description": "config plus flags, as JSON"],
    "status": ["type": "integer", "enum": [0, 1, 2, 3], "description": "0 pending, 1 running, 2 completed, 3 failed"],
    "status_text": ["type": "string", "enum": ["pending", "running", "completed", "failed"]],
    "source": ["type": "string", "enum": ["api", "ui"]], "start_time": localTime, "created_at": localTime,
    "started_at": localTime, "end_time": localTime, "retry_count": integer,
    "remark": ["type": "string", "description": "the outcome, or why it failed"],
    "result": ["type": "object", "nullable": true], "error_code": nullableString,
  ])

  static let all: [String: JSONValue] = [
    "Envelope": object(
      ["code": integer, "message": string, "data": ["nullable": true]], required: ["code", "message", "data"]),
    "License": object([
      "plan_name": string, "api_enabled": ["type": "boolean"], "device_limit": integer, "message": string,
    ]),
    "CreateTaskRequest": object([
      "serials": list(string), "usernames": list(string), "script_name": string,
      "script_config": ["type": "object"], "enable_multi_account": ["type": "boolean"],
      "start_time": ["type": "string", "pattern": "^\\d{1,2}:\\d{2}$", "description": "HH:MM local; past = tomorrow"],
      "min_interval": ["type": "number", "minimum": 0], "max_interval": ["type": "number", "minimum": 0],
      "source": ["type": "string", "enum": ["api", "ui"]],
    ]),
    "Created": object(["task_ids": list(integer), "created_count": integer]),
    "Task": task,
    "TaskDetail": [
      "allOf": [
        APIRoutes.ref("Task"),
        object(["logs": list(object(["time": localTime, "message": string]))]),
      ]
    ],
    "TaskPage": object([
      "tasks": list(APIRoutes.ref("Task")), "total": integer, "page": integer, "page_size": integer,
    ]),
    "Stats": object([
      "total": integer, "pending": integer, "running": integer, "completed": integer, "failed": integer,
    ]),
    "Retried": object(["retried": integer]),
    "Deleted": object(["deleted": integer]),
    "BatchDeleteRequest": object(["task_ids": list(integer)], required: ["task_ids"]),
    "Device": object([
      "serial": string, "state": string, "model": nullableString, "source": string,
      "running_task_id": ["type": "integer", "nullable": true],
    ]),
    "DeviceList": object(["devices": list(APIRoutes.ref("Device"))]),
    "Account": object([
      "id": integer, "username": string, "serial": nullableString, "enabled": ["type": "boolean"],
      "created_at": localTime,
    ]),
    "AccountList": object(["accounts": list(APIRoutes.ref("Account"))]),
    "AccountCreate": object(
      ["username": string, "serial": nullableString, "enabled": ["type": "boolean"]], required: ["username"]),
    "AccountUpdate": object(["serial": nullableString, "enabled": ["type": "boolean"]]),
    "TaskEvent": object(["task_id": integer, "serial": string, "status": integer]),
  ]
}
