/// A request to create tasks: API.md's create body, its fields already typed.
///
/// ```swift
/// let ids = try await engine.create(
///   CreateRequest(serials: ["phone-1", "phone-2"], scriptName: "follow",
///                 scriptConfig: ["target_users": ["alice", "bob"]]))   // 4 tasks
/// ```
public struct CreateRequest: Hashable, Sendable {
  /// Device mode: the devices to run on. Exactly one of `serials` and `usernames` is given
  /// (an empty list counts as not given).
  public var serials: [String]?
  /// Account mode: each account's bound device runs its task as that account.
  public var usernames: [String]?
  /// The script; nil or empty is refused with ``TaskEngineError/Code/missingScriptName``.
  public var scriptName: String?
  /// The script's parameters (`{}` when absent).
  public var scriptConfig: JSONValue
  /// Device mode: one task per enabled account bound to each device.
  public var enableMultiAccount: Bool
  /// "HH:MM" local time; nil for now. A time already past today means tomorrow.
  public var startTime: String?
  /// Minutes of random pause before each of these tasks when its device ran a task before
  /// (lower bound).
  public var minInterval: Double
  /// The upper bound of that pause, in minutes.
  public var maxInterval: Double
  /// Who asks: the API or a user interface.
  public var source: TaskSource

  /// Creates a request.
  public init(
    serials: [String]? = nil, usernames: [String]? = nil, scriptName: String?, scriptConfig: JSONValue = [:],
    enableMultiAccount: Bool = false, startTime: String? = nil, minInterval: Double = 0, maxInterval: Double = 0,
    source: TaskSource = .api
  ) {
    self.serials = serials
    self.usernames = usernames
    self.scriptName = scriptName
    self.scriptConfig = scriptConfig
    self.enableMultiAccount = enableMultiAccount
    self.startTime = startTime
    self.minInterval = minInterval
    self.maxInterval = maxInterval
    self.source = source
  }
}
