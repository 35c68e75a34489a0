public import ADB

/// The one error type of the device-control layer: what failed, in words a user can act on, the
/// ADB error beneath it when there is one, and evidence for diagnosis (the last hierarchy XML and
/// a screenshot) when a UI operation failed.
///
/// ```swift
/// do { try await ui.tap(.description(startingWith: "Like video")) }
/// catch let error as DeviceControlError where error.code == .elementNotFound { … }
/// ```
public struct DeviceControlError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is. Extensible: new codes can be added without breaking callers.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }

    /// The hierarchy text is not XML a dump produces: empty, truncated or malformed.
    public static let malformedHierarchy = Code("malformed hierarchy")
    /// `uiautomator dump` reported a failure ("could not get idle state", "null root node", …).
    public static let dumpFailed = Code("dump failed")
    /// No element matches the selector (within the wait, if there was one).
    public static let elementNotFound = Code("element not found")
    /// An action ran but its expected outcome never showed.
    public static let postconditionFailed = Code("postcondition failed")
    /// Text cannot be typed: non-ASCII text needs the ADB keyboard IME, which is not installed.
    public static let inputUnavailable = Code("input unavailable")
    /// A shell command on the phone failed.
    public static let commandFailed = Code("command failed")
    /// The ADB layer failed underneath (the phone vanished, refused a service, …).
    public static let adb = Code("adb")
    /// A wait ran out of time.
    public static let timedOut = Code("timed out")
    /// A selector or argument is invalid (an unparsable regular expression, a negative index).
    public static let invalidArgument = Code("invalid argument")

    public var description: String { name }
  }

  /// What kind of failure this is.
  public var code: Code
  /// What happened.
  public var message: String
  /// The ADB error beneath, when the phone or the link failed.
  public var adbError: ADBError?
  /// The last hierarchy XML read before the failure, for diagnosis.
  public var lastHierarchyXML: String?
  /// A PNG screenshot taken when the failure was noticed, for diagnosis.
  public var screenshotPNG: [UInt8]?
  /// Why the dump failed, for ``Code/dumpFailed``: what a retry has to work around.
  public var dumpFailureKind: DumpFailureKind?

  /// Creates an error.
  public init(
    _ code: Code, _ message: String, adbError: ADBError? = nil, lastHierarchyXML: String? = nil,
    screenshotPNG: [UInt8]? = nil, dumpFailureKind: DumpFailureKind? = nil
  ) {
    self.code = code
    self.message = message
    self.adbError = adbError
    self.lastHierarchyXML = lastHierarchyXML
    self.screenshotPNG = screenshotPNG
    self.dumpFailureKind = dumpFailureKind
  }

  /// Wraps an ADB failure.
  public init(_ error: ADBError) {
    self.init(.adb, error.message, adbError: error)
  }

  public var description: String {
    adbError.map { "\(message) (\($0.code))" } ?? message
  }
}
