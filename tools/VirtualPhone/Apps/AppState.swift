/// The mutable state of one running app model: where the user is (the back stack of routes),
/// what they set (flags, fields, lists), focus and keyboard, and the pop-up on top.
///
/// Screens read it to draw themselves; actions change it. The stack is never empty while the
/// app runs: its last route is the screen on show.
public struct AppState: Sendable {
  /// The back stack, first screen first; the last one is shown.
  public var stack: [AppRoute]
  /// Flags that are on (Following, liked items, checked boxes).
  public var flags: Set<String>
  /// Text field contents, by field key.
  public var fields: [String: String]
  /// Lists the app grows (sent messages, posted comments), by key.
  public var lists: [String: [String]]
  /// Any other values the app keeps (counters, the logged-in user), by key.
  public var values: [String: String]
  /// The field typed text goes to, if any.
  public var focusedField: String?
  /// Whether the soft keyboard is up: the first BACK hides it, as on a phone. The keyboard takes
  /// no room on the virtual screen.
  public var isKeyboardShown = false
  /// The pop-up covering the app; it takes every touch and key until dismissed.
  public var popup: AppPopup?
  /// The app's lasting data (accounts, follows, posts): unlike everything above, it survives a
  /// cold start.
  public var store = AppStore()
  /// The phone as the app sees it now (clock, media files, serial); refreshed by the engine.
  public var environment = AppEnvironment()

  /// Creates a state; the engine puts the app's first screen on the stack when it starts.
  public init(
    flags: Set<String> = [], fields: [String: String] = [:], lists: [String: [String]] = [:],
    values: [String: String] = [:]
  ) {
    self.stack = []
    self.flags = flags
    self.fields = fields
    self.lists = lists
    self.values = values
  }

  /// The route on show.
  public var route: AppRoute? { stack.last }

  /// Whether a flag is on.
  public func isOn(_ flag: String) -> Bool { flags.contains(flag) }

  /// Turns a flag on or off.
  public mutating func set(_ flag: String, _ on: Bool) {
    if on { flags.insert(flag) } else { flags.remove(flag) }
  }

  /// Flips a flag.
  public mutating func toggle(_ flag: String) { set(flag, !isOn(flag)) }
}

/// One entry of the back stack: a screen with its parameters (the item a detail screen shows)
/// and the scroll position of its lists.
public struct AppRoute: Sendable, Hashable {
  /// The screen's id in ``AppModel/screens``.
  public var screen: String
  /// Values the screen was opened with (from an action or a deep link's placeholders).
  public var parameters: [String: String]
  /// How far each list of the screen is scrolled, in pixels, by list key.
  public var scrollOffsets: [String: Int]

  /// Creates a route scrolled to the top.
  public init(screen: String, parameters: [String: String] = [:]) {
    self.screen = screen
    self.parameters = parameters
    self.scrollOffsets = [:]
  }
}
