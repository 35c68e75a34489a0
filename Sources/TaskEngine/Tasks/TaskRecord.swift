/// A task as stored: every field of API.md's task record plus the scheduling fields.
///
/// Times are local date-times `YYYY-MM-DD HH:MM:SS` (the engine's time zone), as stored.
public struct TaskRecord: Hashable, Sendable {
  /// The task's id.
  public var id: Int
  /// The device that runs it.
  public var serial: String
  /// The account the device switches to first; nil in device mode.
  public var username: String?
  /// The script's name.
  public var scriptName: String
  /// The task's normalized configuration.
  public var scriptConfig: JSONValue
  /// Pending, running, completed or failed.
  public var status: TaskStatus
  /// API or UI.
  public var source: TaskSource
  /// The requested start (`start_time` resolved to a full local date-time); nil for "now".
  public var startTime: String?
  /// When the task was created.
  public var createdAt: String
  /// When its flow last started running; nil before.
  public var startedAt: String?
  /// When it last ended; nil while pending or running.
  public var endTime: String?
  /// How many times it was retried.
  public var retryCount: Int
  /// The outcome's remark, or the failure's message.
  public var remark: String
  /// The script's result object, when it gave one.
  public var result: JSONValue?
  /// The failure's code (`stopped`, `device_offline`, …) when failed.
  public var failureCode: String?
  /// The request's `enable_multi_account` flag.
  public var enableMultiAccount: Bool
  /// The request's `min_interval` (minutes).
  public var minInterval: Double
  /// The request's `max_interval` (minutes).
  public var maxInterval: Double

  /// Creates a record.
  public init(
    id: Int, serial: String, username: String?, scriptName: String, scriptConfig: JSONValue, status: TaskStatus,
    source: TaskSource, startTime: String?, createdAt: String, startedAt: String?, endTime: String?,
    retryCount: Int, remark: String, result: JSONValue?, failureCode: String?, enableMultiAccount: Bool,
    minInterval: Double, maxInterval: Double
  ) {
    self.id = id
    self.serial = serial
    self.username = username
    self.scriptName = scriptName
    self.scriptConfig = scriptConfig
    self.status = status
    self.source = source
    self.startTime = startTime
    self.createdAt = createdAt
    self.startedAt = startedAt
    self.endTime = endTime
    self.retryCount = retryCount
    self.remark = remark
    self.result = result
    self.failureCode = failureCode
    self.enableMultiAccount = enableMultiAccount
    self.minInterval = minInterval
    self.maxInterval = maxInterval
  }
}

/// One timestamped line of a task's log.
public struct TaskLogLine: Hashable, Sendable {
  /// Local date-time `YYYY-MM-DD HH:MM:SS`.
  public var time: String
  /// The step message.
  public var message: String

  /// Creates a line.
  public init(time: String, message: String) {
    self.time = time
    self.message = message
  }
}

/// A task with its log: what `GET /task/{id}` shows.
public struct TaskDetail: Hashable, Sendable {
  /// The record.
  public var task: TaskRecord
  /// Its log lines, oldest first.
  public var logs: [TaskLogLine]

  /// Creates a detail.
  public init(task: TaskRecord, logs: [TaskLogLine]) {
    self.task = task
    self.logs = logs
  }
}
