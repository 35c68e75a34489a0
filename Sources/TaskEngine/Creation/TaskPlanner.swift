import Foundation
internal import GRDB

/// Turns a validated request into task rows inside the creating transaction: resolves
/// executors through devices and accounts, asks the script to plan each executor's tasks,
/// and advances the script's job counter.
struct TaskPlanner: Sendable {
  let request: ValidatedRequest
  /// Serials the registry knows now (the database remembers the others).
  let liveSerials: Set<String>
  /// Creation time, as stored.
  let now: String

  /// Inserts the tasks and returns their ids; throws (rolling the transaction back) on the
  /// first refusal.
  func insert(in db: Database, store: TaskStore) throws -> [Int] {
    let executors = try resolveExecutors(db)
    let scriptName = request.script.name
    let jobCount =
      try Int.fetchOne(db, sql: "SELECT job_count FROM job_counter WHERE script_name = ?", arguments: [scriptName])
      ?? 0
    var rows: [TaskRow] = []
    for (index, executor) in executors.enumerated() {
      let context = PlanContext(executor: executor, jobCount: jobCount + rows.count, executorIndex: index)
      let configs: [JSONValue]
      do {
        configs = try request.script.plan(config: request.config, context: context)
      } catch {
        throw TaskEngineError.invalid(error.qualifiedField, error.message)
      }
      rows += configs.map { row(executor: executor, config: $0) }
    }
    guard !rows.isEmpty else {
      throw TaskEngineError.invalid("script_config", "the script found nothing to do (no target in script_config)")
    }
    for index in rows.indices { try rows[index].insert(db) }
    try db.execute(
      sql: """
        INSERT INTO job_counter (script_name, job_count) VALUES (?, ?)
        ON CONFLICT(script_name) DO UPDATE SET job_count = job_count + excluded.job_count
        """, arguments: [scriptName, rows.count])
    store.publishOnCommit(rows.map(\.event), in: db)
    return rows.map(\.taskID)
  }

  private func row(executor: TaskExecutor, config: JSONValue) -> TaskRow {
    TaskRow(
      id: nil, serial: executor.serial, username: executor.username, scriptName: request.script.name,
      scriptConfig: config.jsonText, status: TaskStatus.pending.rawValue, source: request.source.rawValue,
      startTime: request.startTime, createdAt: now, startedAt: nil, endTime: nil, retryCount: 0, remark: "",
      result: nil, failureCode: nil, enableMultiAccount: request.enableMultiAccount, minInterval: request.minInterval,
      maxInterval: request.maxInterval, dueAt: request.due.timeIntervalSince1970)
  }

  // MARK: - Executors

  private func resolveExecutors(_ db: Database) throws -> [TaskExecutor] {
    switch request.mode {
    case .devices(let serials, let multiAccount):
      var executors: [TaskExecutor] = []
      for serial in serials {
        guard try isKnown(serial, db) else {
          throw TaskEngineError.invalid(
            "serials",
            "no device is known as \(serial.debugDescription); connect it first (GET /api/v1/device lists them)")
        }
        guard multiAccount else {
          executors.append(TaskExecutor(serial: serial))
          continue
        }
        let accounts = try String.fetchAll(
          db, sql: "SELECT username FROM account WHERE serial = ? AND enabled ORDER BY id", arguments: [serial])
        guard !accounts.isEmpty else {
          throw TaskEngineError.invalid(
            "enable_multi_account", "device \(serial.debugDescription) has no enabled account bound to it")
        }
        executors += accounts.map { TaskExecutor(serial: serial, username: $0) }
      }
      return executors
    case .accounts(let usernames):
      return try usernames.map { username in
        guard let account = try AccountRow.filter(Column("username") == username).fetchOne(db) else {
          throw TaskEngineError.invalid("usernames", "no account is named \(username.debugDescription)")
        }
        guard account.enabled else {
          throw TaskEngineError.invalid("usernames", "account \(username.debugDescription) is disabled")
        }
        guard let serial = account.serial, !serial.isEmpty else {
          throw TaskEngineError.invalid("usernames", "account \(username.debugDescription) is not bound to a device")
        }
        return TaskExecutor(serial: serial, username: username)
      }
    }
  }

  private func isKnown(_ serial: String, _ db: Database) throws -> Bool {
    if liveSerials.contains(serial) { return true }
    return try DeviceRow.exists(db, key: serial)
  }
}

extension TaskStore {
  /// Inserts a request's tasks in one transaction.
  func create(_ planner: TaskPlanner) async throws -> [Int] {
    try await writer.write { db in try planner.insert(in: db, store: self) }
  }
}
