/// The one error type of the task engine: what was refused or failed, which field or id it
/// concerns, and the layer's error beneath when there is one.
///
/// ```swift
/// do { _ = try await engine.create(request) } catch where error.code == .invalidParameter {
///   print(error.field ?? "", error.message)     // "start_time", "start_time must be HH:MM, got \"25:00\""
/// }
/// ```
public struct TaskEngineError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure this is. Extensible: new codes can be added without breaking callers.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Hashable, Sendable {
      case invalidParameter = "invalid parameter"
      case missingScriptName = "missing script_name"
      case unknownScript = "unknown script"
      case notFound = "not found"
      case invalidState = "invalid state"
      case storageFailure = "storage failure"
    }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// A request field is missing, of the wrong type, or out of range; ``TaskEngineError/field`` names it.
    public static let invalidParameter = Code(.invalidParameter)
    /// The create request has no `script_name`.
    public static let missingScriptName = Code(.missingScriptName)
    /// No script of that name is registered.
    public static let unknownScript = Code(.unknownScript)
    /// No task (or account) has that id (or username).
    public static let notFound = Code(.notFound)
    /// The task is not in a state that allows the operation (retrying a running task, stopping
    /// a completed one, retrying past the maximum retry count).
    public static let invalidState = Code(.invalidState)
    /// The database failed; ``TaskEngineError/underlying`` has its words.
    public static let storageFailure = Code(.storageFailure)

    public var description: String { base.rawValue }
  }

  /// What kind of failure this is.
  public var code: Code
  /// The request field (`serials`, `script_config.comment_content`) or id concerned, if any.
  public var field: String?
  /// What happened, in words a user can act on; it names the field or id.
  public var message: String
  /// The error beneath, described (database errors).
  public var underlying: String?

  /// Creates an error.
  public init(_ code: Code, field: String? = nil, _ message: String, underlying: (any Error)? = nil) {
    self.code = code
    self.field = field
    self.message = message
    self.underlying = underlying.map { "\($0)" }
  }

  public var description: String {
    underlying.map { "\(message) (\($0))" } ?? message
  }

  // MARK: - Builders

  /// A field-named invalid parameter: the message starts with the field.
  static func invalid(_ field: String, _ message: String) -> TaskEngineError {
    TaskEngineError(.invalidParameter, field: field, "\(field): \(message)")
  }

  /// No task with `id`.
  static func noTask(_ id: Int) -> TaskEngineError {
    TaskEngineError(.notFound, field: "id", "no task has id \(id)")
  }

  /// A database failure while `doing` something.
  static func storage(_ doing: String, _ error: any Error) -> TaskEngineError {
    if let error = error as? TaskEngineError { return error }
    return TaskEngineError(.storageFailure, "the task database failed while \(doing)", underlying: error)
  }
}
