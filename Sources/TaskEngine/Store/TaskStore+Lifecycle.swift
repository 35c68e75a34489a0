internal import GRDB

extension TaskStore {
  /// Marks tasks left `running` by a previous process as failed, "interrupted by restart".
  /// - Returns: how many there were.
  func recoverInterrupted(at time: String) throws -> Int {
    try writer.write { db in
      try db.execute(
        sql: """
          UPDATE task SET status = 3, remark = ?, failure_code = ?, end_time = ? WHERE status = 1
          """, arguments: [TaskFailure.interrupted.message, TaskFailure.interrupted.code, time])
      return db.changesCount
    }
  }

  /// The first due pending task of each of `serials` that has one, earliest first.
  func dueTasks(among serials: Set<String>, now: Double) async throws -> [TaskRow] {
    guard !serials.isEmpty else { return [] }
    return try await writer.read { db in
      let due = try String.fetchAll(
        db, sql: "SELECT DISTINCT serial FROM task WHERE status = 0 AND due_at <= ?", arguments: [now])
      var rows: [TaskRow] = []
      for serial in due where serials.contains(serial) {
        let first = try TaskRow.fetchOne(
          db,
          sql: """
            SELECT * FROM task WHERE serial = ? AND status = 0 AND due_at <= ? ORDER BY due_at, id LIMIT 1
            """, arguments: [serial, now])
        if let first { rows.append(first) }
      }
      return rows.sorted { ($0.dueAt, $0.taskID) < ($1.dueAt, $1.taskID) }
    }
  }

  /// Marks the tasks that are still pending as running, in one transaction.
  /// - Returns: the tasks claimed (a task stopped or deleted meanwhile is left out).
  func claim(_ ids: [Int], at time: String) async throws -> [TaskRow] {
    try await writer.write { db in
      var claimed: [TaskRow] = []
      for id in ids {
        try db.execute(
          sql: "UPDATE task SET status = 1, started_at = ? WHERE id = ? AND status = 0", arguments: [time, id])
        if db.changesCount > 0, let row = try TaskRow.fetchOne(db, key: id) { claimed.append(row) }
      }
      publishOnCommit(claimed.map(\.event), in: db)
      return claimed
    }
  }

  /// Ends a running task; a task that is no longer running (stopped and recorded already,
  /// deleted) is left alone.
  /// - Returns: whether the task was ended by this call.
  @discardableResult
  func finish(
    _ id: Int, status: TaskStatus, remark: String, result: JSONValue?, failureCode: String?, at time: String
  ) async throws -> Bool {
    try await writer.write { db in
      try db.execute(
        sql: """
          UPDATE task SET status = ?, remark = ?, result = ?, failure_code = ?, end_time = ?
          WHERE id = ? AND status = 1
          """, arguments: [status.rawValue, remark, result?.jsonText, failureCode, time, id])
      guard db.changesCount > 0, let row = try TaskRow.fetchOne(db, key: id) else { return false }
      publishOnCommit([row.event], in: db)
      return true
    }
  }

  /// Fails a pending task with `failure` (stop before it started).
  /// - Returns: whether it was pending.
  func failPending(_ id: Int, failure: TaskFailure, at time: String) async throws -> Bool {
    try await writer.write { db in
      try db.execute(
        sql: "UPDATE task SET status = 3, remark = ?, failure_code = ?, end_time = ? WHERE id = ? AND status = 0",
        arguments: [failure.message, failure.code, time, id])
      guard db.changesCount > 0, let row = try TaskRow.fetchOne(db, key: id) else { return false }
      publishOnCommit([row.event], in: db)
      return true
    }
  }

  /// Puts a failed task back to pending, due at `due`, with `retry_count` + 1.
  func retry(_ id: Int, due: Double, at time: String, maxRetryCount: Int) async throws -> TaskRow {
    try await writer.write { db in
      guard var row = try TaskRow.fetchOne(db, key: id) else { throw TaskEngineError.noTask(id) }
      let status = TaskStatus(rawValue: row.status) ?? .failed
      guard status == .failed else {
        throw TaskEngineError(
          .invalidState, field: "id", "task \(id) is \(status.text); only failed tasks can be retried")
      }
      guard row.retryCount < maxRetryCount else {
        throw TaskEngineError(
          .invalidState, field: "id",
          "task \(id) was retried \(row.retryCount) times, the maximum (\(maxRetryCount)); create a new task instead")
      }
      row.retryCount += 1
      try resetForRetry(&row, due: due, db: db)
      try TaskLogRow(taskID: Int64(id), time: time, message: "retry \(row.retryCount)").insert(db)
      publishOnCommit([row.event], in: db)
      return row
    }
  }

  /// Puts every failed task under the maximum retry count back to pending.
  /// - Returns: how many were retried.
  func retryAll(due: Double, at time: String, maxRetryCount: Int) async throws -> Int {
    try await writer.write { db in
      let rows = try TaskRow.filter(TaskRow.Columns.status == TaskStatus.failed.rawValue)
        .filter(TaskRow.Columns.retryCount < maxRetryCount).order(TaskRow.Columns.id).fetchAll(db)
      var events: [TaskEvent] = []
      for var row in rows {
        row.retryCount += 1
        try resetForRetry(&row, due: due, db: db)
        try TaskLogRow(taskID: Int64(row.taskID), time: time, message: "retry \(row.retryCount)").insert(db)
        events.append(row.event)
      }
      publishOnCommit(events, in: db)
      return rows.count
    }
  }

  private func resetForRetry(_ row: inout TaskRow, due: Double, db: Database) throws {
    row.status = TaskStatus.pending.rawValue
    row.remark = ""
    row.result = nil
    row.failureCode = nil
    row.startedAt = nil
    row.endTime = nil
    row.dueAt = due
    try row.update(db)
  }

  /// Deletes the tasks of `ids` that are not running, after checking every id exists.
  /// - Returns: the ids that are running (left for the caller to stop and delete).
  /// - Throws: ``TaskEngineError/Code/notFound`` naming the unknown ids; nothing is deleted then.
  func deleteIdle(_ ids: [Int]) async throws -> [Int] {
    try await writer.write { db in
      let found = try TaskRow.filter(keys: ids).fetchAll(db)
      let missing = Set(ids).subtracting(found.map(\.taskID)).sorted()
      guard missing.isEmpty else {
        let list = missing.map(String.init).joined(separator: ", ")
        throw TaskEngineError(.notFound, field: "task_ids", "no task has id \(list); nothing was deleted")
      }
      let running = found.filter { $0.status == TaskStatus.running.rawValue }.map(\.taskID)
      _ = try TaskRow.filter(keys: ids).filter(TaskRow.Columns.status != TaskStatus.running.rawValue).deleteAll(db)
      return running
    }
  }

  /// Deletes tasks whatever their status.
  func delete(_ ids: [Int]) async throws {
    _ = try await writer.write { db in try TaskRow.deleteAll(db, keys: ids) }
  }
}
