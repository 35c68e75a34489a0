import ADB

/// Why a task failed, as the task record stores it: a stable code plus a message (never a dump
/// of an error value).
///
/// Scripts throw any error; the engine turns it into a failure: a ``TaskFailure`` as is, a
/// ``TaskFailureConvertible`` through its ``TaskFailureConvertible/taskFailure``, an
/// ``ADBError`` as `adb.<code>` (connection loss as ``deviceOffline``), anything else as
/// `script_error` with its description.
public struct TaskFailure: Error, Hashable, Sendable, CustomStringConvertible {
  /// A stable, machine-readable code (`stopped`, `device_offline`, `target_missing`, …).
  public var code: String
  /// What happened, in words a user can act on: the failed task's remark.
  public var message: String

  /// Creates a failure.
  public init(code: String, message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  /// The code of a task whose device went away; the engine's remark for it is "device offline".
  public static let deviceOfflineCode = "device_offline"
  /// The device went away during the task.
  public static let deviceOffline = TaskFailure(code: deviceOfflineCode, message: "device offline")
  /// Stopped through the API.
  public static let stopped = TaskFailure(code: "stopped", message: "stopped")
  /// The process ended while the task ran.
  public static let interrupted = TaskFailure(code: "interrupted", message: "interrupted by restart")

  /// The failure `error` stands for.
  static func from(_ error: any Error) -> TaskFailure {
    switch error {
    case let failure as TaskFailure: failure
    case let convertible as any TaskFailureConvertible: convertible.taskFailure
    case let error as ADBError where error.isDeviceLoss: .deviceOffline
    case let error as ADBError: TaskFailure(code: "adb.\(error.code)", message: error.description)
    case is CancellationError: TaskFailure(code: "cancelled", message: "cancelled")
    default: TaskFailure(code: "script_error", message: "\(error)")
    }
  }
}

/// An error type of a higher layer (TikTok's) that knows its task failure: a code and a
/// message. Map a wrapped ADB connection loss to ``TaskFailure/deviceOffline``.
public protocol TaskFailureConvertible: Error {
  /// The failure to store on the task.
  var taskFailure: TaskFailure { get }
}

extension ADBError {
  /// Whether the error means the device is gone rather than a command failing.
  var isDeviceLoss: Bool {
    code == .connectionLost || code == .deviceOffline || code == .deviceNotFound
  }
}
