internal import GRDB

/// A row of the `task` table.
struct TaskRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
  static let databaseTableName = "task"

  var id: Int64?
  var serial: String
  var username: String?
  var scriptName: String
  var scriptConfig: String
  var status: Int
  var source: String
  var startTime: String?
  var createdAt: String
  var startedAt: String?
  var endTime: String?
  var retryCount: Int
  var remark: String
  var result: String?
  var failureCode: String?
  var enableMultiAccount: Bool
  var minInterval: Double
  var maxInterval: Double
  var dueAt: Double

  enum CodingKeys: String, CodingKey {
    case id, serial, username, status, source, remark, result
    case scriptName = "script_name"
    case scriptConfig = "script_config"
    case startTime = "start_time"
    case createdAt = "created_at"
    case startedAt = "started_at"
    case endTime = "end_time"
    case retryCount = "retry_count"
    case failureCode = "failure_code"
    case enableMultiAccount = "enable_multi_account"
    case minInterval = "min_interval"
    case maxInterval = "max_interval"
    case dueAt = "due_at"
  }

  /// Column names, for queries.
  enum Columns {
    static let id = Column("id")
    static let serial = Column("serial")
    static let status = Column("status")
    static let source = Column("source")
    static let scriptName = Column("script_name")
    static let retryCount = Column("retry_count")
    static let dueAt = Column("due_at")
  }

  mutating func didInsert(_ inserted: InsertionSuccess) {
    id = inserted.rowID
  }

  /// The row's id, which every fetched or inserted row has.
  var taskID: Int { Int(id ?? 0) }

  /// The record the engine hands out.
  var record: TaskRecord {
    TaskRecord(
      id: taskID, serial: serial, username: username, scriptName: scriptName,
      scriptConfig: (try? JSONValue(jsonText: scriptConfig)) ?? .object([:]),
      status: TaskStatus(rawValue: status) ?? .failed, source: TaskSource(rawValue: source) ?? .api,
      startTime: startTime, createdAt: createdAt, startedAt: startedAt, endTime: endTime, retryCount: retryCount,
      remark: remark, result: result.flatMap { try? JSONValue(jsonText: $0) }, failureCode: failureCode,
      enableMultiAccount: enableMultiAccount, minInterval: minInterval, maxInterval: maxInterval)
  }

  /// The event announcing this row's current status.
  var event: TaskEvent {
    TaskEvent(taskID: taskID, serial: serial, status: TaskStatus(rawValue: status) ?? .failed)
  }
}

/// A row of the `task_log` table.
struct TaskLogRow: Codable, FetchableRecord, PersistableRecord, Sendable {
  static let databaseTableName = "task_log"

  var taskID: Int64
  var time: String
  var message: String

  enum CodingKeys: String, CodingKey {
    case time, message
    case taskID = "task_id"
  }
}
