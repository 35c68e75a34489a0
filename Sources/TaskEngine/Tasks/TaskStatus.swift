/// Where a task is in its life, with TikMatrix's numbers.
public enum TaskStatus: Int, CaseIterable, Codable, Hashable, Sendable {
  /// Waiting for its time and its device.
  case pending = 0
  /// Its flow runs on the device.
  case running = 1
  /// The flow finished.
  case completed = 2
  /// The flow failed, was stopped, or its device went away.
  case failed = 3

  /// `pending`, `running`, `completed` or `failed`: the record's `status_text`.
  public var text: String {
    switch self {
    case .pending: "pending"
    case .running: "running"
    case .completed: "completed"
    case .failed: "failed"
    }
  }
}

/// Who created a task.
public enum TaskSource: String, CaseIterable, Codable, Hashable, Sendable {
  /// Through the Local API.
  case api
  /// Through a user interface.
  case ui
}
