/// An activity coming to the front, as its app sees it: the intent that started it and whether
/// the app's process had to start. Delivered to the app's ``ScreenProvider`` by
/// ``PhoneSystem/startActivity(_:intent:)``.
public struct ActivityLaunch: Sendable, Hashable {
  /// The activity started.
  public var component: ComponentName
  /// The intent's action (`android.intent.action.VIEW`, `…MAIN`), if any.
  public var action: String?
  /// The intent's data URI: a deep link such as `droidmatrix://item/7`.
  public var data: String?
  /// Cold (the process started: the app begins afresh), warm or hot.
  public var state: PhoneSystem.LaunchState

  /// Creates a launch.
  public init(component: ComponentName, action: String?, data: String?, state: PhoneSystem.LaunchState) {
    self.component = component
    self.action = action
    self.data = data
    self.state = state
  }
}

/// The parts of an intent that starting an activity passes on to the app.
public struct ActivityIntent: Sendable, Hashable {
  /// `-a ACTION`.
  public var action: String?
  /// `-d URI`.
  public var data: String?

  /// Creates an intent.
  public init(action: String? = nil, data: String? = nil) {
    self.action = action
    self.data = data
  }

  /// What the launcher and `monkey` send: MAIN with no data.
  public static let main = ActivityIntent(action: "android.intent.action.MAIN")
}
