import ADB

/// One task as its script sees it: the device, the account, the configuration and the log.
public struct TaskRun: Sendable {
  /// The task's id.
  public let taskID: Int
  /// The device's serial.
  public let serial: String
  /// The account to switch to before the flow; nil in device mode.
  public let username: String?
  /// The device, through whichever path reaches it (adb server, native TCP or USB, in-process).
  public let device: any ADBDevice
  /// The task's normalized configuration, as ``TaskScript/plan(config:context:)`` returned it.
  public let config: JSONValue
  private let sink: @Sendable (String) async -> Void

  /// Creates a run; the engine does, and a script's tests can, with their own log sink.
  /// - Parameters:
  ///   - taskID: the task's id.
  ///   - serial: the device's serial.
  ///   - username: the account to switch to, or nil.
  ///   - device: the device.
  ///   - config: the task's configuration.
  ///   - log: receives each line passed to ``log(_:)``.
  public init(
    taskID: Int, serial: String, username: String?, device: any ADBDevice, config: JSONValue,
    log: @escaping @Sendable (String) async -> Void
  ) {
    self.taskID = taskID
    self.serial = serial
    self.username = username
    self.device = device
    self.config = config
    self.sink = log
  }

  /// Appends a step message to the task's log; the engine stamps it with the local time.
  /// Logging never fails the task: a line that cannot be stored is dropped.
  public func log(_ message: String) async {
    await sink(message)
  }
}

/// What a completed task reports.
public struct TaskOutcome: Hashable, Sendable {
  /// The task's remark: what was done ("followed @alice", "already following @alice").
  public var remark: String
  /// Script-specific data (scraped profiles, …); the task record's `result`.
  public var result: JSONValue?

  /// Creates an outcome.
  public init(remark: String = "", result: JSONValue? = nil) {
    self.remark = remark
    self.result = result
  }
}
