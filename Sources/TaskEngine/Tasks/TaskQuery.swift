/// Filters and paging for listing tasks.
public struct TaskQuery: Hashable, Sendable {
  /// The default page size.
  public static let defaultPageSize = 20
  /// The largest page size (API.md: `page_size` max 100); larger requests are clamped.
  public static let maxPageSize = 100

  /// Only tasks in this status.
  public var status: TaskStatus?
  /// Only tasks of this device.
  public var serial: String?
  /// Only tasks of this script.
  public var scriptName: String?
  /// Only tasks from this source.
  public var source: TaskSource?
  /// The page, from 1.
  public var page: Int
  /// Tasks per page, 1…``maxPageSize``.
  public var pageSize: Int

  /// Creates a query; `page` is raised to 1 and `pageSize` clamped to 1…``maxPageSize``.
  public init(
    status: TaskStatus? = nil, serial: String? = nil, scriptName: String? = nil, source: TaskSource? = nil,
    page: Int = 1, pageSize: Int = TaskQuery.defaultPageSize
  ) {
    self.status = status
    self.serial = serial
    self.scriptName = scriptName
    self.source = source
    self.page = max(page, 1)
    self.pageSize = min(max(pageSize, 1), Self.maxPageSize)
  }
}

/// One page of tasks, newest first.
public struct TaskPage: Hashable, Sendable {
  /// The tasks of this page.
  public var tasks: [TaskRecord]
  /// How many tasks match the filters, over all pages.
  public var total: Int
  /// The page number.
  public var page: Int
  /// The page size used.
  public var pageSize: Int

  /// Creates a page.
  public init(tasks: [TaskRecord], total: Int, page: Int, pageSize: Int) {
    self.tasks = tasks
    self.total = total
    self.page = page
    self.pageSize = pageSize
  }
}

/// Task counts by status.
public struct TaskStats: Hashable, Sendable {
  /// Every task.
  public var total: Int
  /// Pending tasks.
  public var pending: Int
  /// Running tasks.
  public var running: Int
  /// Completed tasks.
  public var completed: Int
  /// Failed tasks.
  public var failed: Int

  /// Creates stats.
  public init(total: Int, pending: Int, running: Int, completed: Int, failed: Int) {
    self.total = total
    self.pending = pending
    self.running = running
    self.completed = completed
    self.failed = failed
  }
}

/// A task's status changed (created, started, ended, retried): what the event stream carries.
public struct TaskEvent: Hashable, Sendable {
  /// The task.
  public var taskID: Int
  /// Its device.
  public var serial: String
  /// The new status.
  public var status: TaskStatus

  /// Creates an event.
  public init(taskID: Int, serial: String, status: TaskStatus) {
    self.taskID = taskID
    self.serial = serial
    self.status = status
  }
}
