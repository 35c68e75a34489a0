import TaskEngine

extension TaskRecord {
  /// The record as API.md's task record, plus `started_at` and `error_code`.
  var json: JSONValue {
    [
      "id": .int(id),
      "serial": .string(serial),
      "username": JSONValue(username),
      "script_name": .string(scriptName),
      "script_config": scriptConfig,
      "script_args": .string(scriptArgs.jsonText),
      "status": .int(status.rawValue),
      "status_text": .string(status.text),
      "source": .string(source.rawValue),
      "start_time": JSONValue(startTime),
      "created_at": .string(createdAt),
      "started_at": JSONValue(startedAt),
      "end_time": JSONValue(endTime),
      "retry_count": .int(retryCount),
      "remark": .string(remark),
      "result": result ?? .null,
      "error_code": JSONValue(failureCode),
    ]
  }

  /// The configuration plus the request's flags, as older clients read `script_args`.
  var scriptArgs: JSONValue {
    var members = scriptConfig.objectValue ?? [:]
    members["enable_multi_account"] = .bool(enableMultiAccount)
    members["min_interval"] = JSONValue(number: minInterval)
    members["max_interval"] = JSONValue(number: maxInterval)
    if let username { members["username"] = .string(username) }
    return .object(members)
  }
}

extension TaskDetail {
  /// The record with its `logs`: `[{time, message}]`, oldest first.
  var json: JSONValue {
    guard case .object(var members) = task.json else { return task.json }
    members["logs"] = .array(logs.map { ["time": .string($0.time), "message": .string($0.message)] })
    return .object(members)
  }
}

extension TaskPage {
  var json: JSONValue {
    ["tasks": .array(tasks.map(\.json)), "total": .int(total), "page": .int(page), "page_size": .int(pageSize)]
  }
}

extension TaskStats {
  var json: JSONValue {
    [
      "total": .int(total), "pending": .int(pending), "running": .int(running), "completed": .int(completed),
      "failed": .int(failed),
    ]
  }
}

extension TaskEvent {
  /// `{task_id, serial, status}`, as the event stream sends it.
  var json: JSONValue {
    ["task_id": .int(taskID), "serial": .string(serial), "status": .int(status.rawValue)]
  }
}

extension Account {
  var json: JSONValue {
    [
      "id": .int(id), "username": .string(username), "serial": JSONValue(serial), "enabled": .bool(enabled),
      "created_at": .string(createdAt),
    ]
  }
}

extension DeviceStatus {
  var json: JSONValue {
    [
      "serial": .string(serial), "state": .string(state), "model": JSONValue(model), "source": .string(source),
      "running_task_id": runningTaskID.map { .int($0) } ?? .null,
    ]
  }
}
