/// Who runs a task: a device, and in account mode the account to switch to first.
public struct TaskExecutor: Hashable, Sendable {
  /// The device's serial.
  public var serial: String
  /// The account to switch to before the flow, or nil in device mode.
  public var username: String?

  /// Creates an executor.
  public init(serial: String, username: String? = nil) {
    self.serial = serial
    self.username = username
  }
}

/// What ``TaskScript/plan(config:context:)`` knows besides the configuration.
public struct PlanContext: Hashable, Sendable {
  /// The executor the tasks are being planned for.
  public var executor: TaskExecutor
  /// The number of tasks created for this script before this executor's, over the database's
  /// lifetime: the `job_count` of API.md. A script that takes list items in order gives its
  /// `n`th planned task item `(jobCount + n) mod count`; the engine adds the number of tasks
  /// planned here to the counter in the same transaction.
  public var jobCount: Int
  /// The executor's position among this request's executors (0 for the first).
  public var executorIndex: Int

  /// Creates a context.
  public init(executor: TaskExecutor, jobCount: Int, executorIndex: Int = 0) {
    self.executor = executor
    self.jobCount = jobCount
    self.executorIndex = executorIndex
  }
}
