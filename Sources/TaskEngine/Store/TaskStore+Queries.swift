internal import GRDB

extension TaskStore {
  /// One task, or nil.
  func task(_ id: Int) async throws -> TaskRow? {
    try await writer.read { db in try TaskRow.fetchOne(db, key: id) }
  }

  /// One task with its log lines, read in one snapshot.
  func detail(_ id: Int) async throws -> TaskDetail? {
    try await writer.read { db in
      guard let row = try TaskRow.fetchOne(db, key: id) else { return nil }
      let logs = try TaskLogRow.filter(Column("task_id") == id).order(Column("id")).fetchAll(db)
      return TaskDetail(task: row.record, logs: logs.map { TaskLogLine(time: $0.time, message: $0.message) })
    }
  }

  /// A page of tasks matching `query`, newest first, and the number of matches, read in one snapshot.
  func page(_ query: TaskQuery) async throws -> TaskPage {
    try await writer.read { db in
      var request = TaskRow.all()
      if let status = query.status { request = request.filter(TaskRow.Columns.status == status.rawValue) }
      if let serial = query.serial { request = request.filter(TaskRow.Columns.serial == serial) }
      if let name = query.scriptName { request = request.filter(TaskRow.Columns.scriptName == name) }
      if let source = query.source { request = request.filter(TaskRow.Columns.source == source.rawValue) }
      let total = try request.fetchCount(db)
      let rows = try request.order(TaskRow.Columns.id.desc)
        .limit(query.pageSize, offset: (query.page - 1) * query.pageSize)
        .fetchAll(db)
      return TaskPage(tasks: rows.map(\.record), total: total, page: query.page, pageSize: query.pageSize)
    }
  }

  /// Counts by status.
  func stats() async throws -> TaskStats {
    try await writer.read { db in
      var counts: [Int: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) FROM task GROUP BY status") {
        counts[row[0]] = row[1]
      }
      return TaskStats(
        total: counts.values.reduce(0, +), pending: counts[0] ?? 0, running: counts[1] ?? 0,
        completed: counts[2] ?? 0, failed: counts[3] ?? 0)
    }
  }

  /// Appends a log line; a line for a task deleted meanwhile is dropped.
  func appendLog(_ id: Int, time: String, message: String) async throws {
    try await writer.write { db in
      guard try TaskRow.exists(db, key: id) else { return }
      try TaskLogRow(taskID: Int64(id), time: time, message: message).insert(db)
    }
  }
}
