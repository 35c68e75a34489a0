import ADB
public import DeviceControl
public import TaskEngine

/// Why a TikTok flow failed, with the screen it saw and that screen's hierarchy for diagnosis.
public struct TikTokError: Error, Sendable, CustomStringConvertible, TaskFailureConvertible {
  /// What kind of failure this is.
  public enum Kind: String, Sendable {
    /// The target does not exist ("user @x not found", a deleted video).
    case targetNotFound = "target_not_found"
    /// A control the step needs is not on the screen.
    case controlNotFound = "control_not_found"
    /// The app is on a screen the flow did not expect.
    case unexpectedScreen = "unexpected_screen"
    /// The action ran but its effect never showed.
    case postconditionFailed = "postcondition_failed"
    /// The phone, ADB or the UI layer failed underneath.
    case device = "device"
  }

  /// What kind of failure this is.
  public var kind: Kind
  /// What happened, naming the target or control.
  public var message: String
  /// The screen the flow saw when it failed.
  public var screen: TikTokScreen?
  /// The last hierarchy XML, for diagnosis.
  public var hierarchyXML: String?
  /// The failure underneath, when the UI layer reported one.
  public var underlying: DeviceControlError?

  /// Creates an error.
  public init(
    _ kind: Kind, _ message: String, screen: TikTokScreen? = nil, hierarchyXML: String? = nil,
    underlying: DeviceControlError? = nil
  ) {
    self.kind = kind
    self.message = message
    self.screen = screen
    self.hierarchyXML = hierarchyXML
    self.underlying = underlying
  }

  public var description: String {
    screen.map { "\(message) (screen: \($0))" } ?? message
  }

  /// A lost phone is "device offline" for the task engine; anything else keeps its words.
  public var taskFailure: TaskFailure {
    if let code = underlying?.adbError?.code, [.connectionLost, .deviceOffline, .deviceNotFound].contains(code) {
      return .deviceOffline
    }
    return TaskFailure(code: "tiktok.\(kind.rawValue)", message: description)
  }
}
