import Synchronization

/// Runs one ``AppModel`` on one phone: keeps the app's ``AppState`` and implements
/// ``ScreenProvider``, so the phone's `uiautomator dump` and `screencap` show the current
/// screen and `input`, `am start -d` and the ADB keyboard drive it.
///
/// - Taps hit the deepest clickable view under the finger (a label inside a clickable row hits
///   the row) and run its ``AppElement/onTap``; a disabled view swallows the tap.
/// - A swipe that barely moves is a tap, or a long press when held for
///   ``longPressTimeout``. Otherwise it scrolls the innermost list under its start (vertical
///   swipes), or runs the innermost ``AppElement/onSwipe`` for its direction. A short swipe
///   flings: the list moves ``flingMultiplier`` times the finger's distance.
/// - Text goes to the end of the focused field; DEL deletes its last character; ENTER (or an
///   IME's editor action) runs the field's ``AppElement/onSubmit``; letter and digit key events
///   type their character.
/// - BACK closes a pop-up, else hides the keyboard, else closes the screen; on the first
///   screen it is not consumed, so the phone shows the launcher (the app keeps its state, as a
///   backgrounded app does).
/// - A cold start begins with ``AppModel/initialState`` on the root screen; a VIEW intent with
///   data opens the matching ``AppModel/deepLinks`` route on top.
/// - A pop-up covers the app until one of its buttons or BACK dismisses it; see
///   ``AppPopupPolicy`` for pop-ups that appear by themselves, ``showPopup(_:)`` for tests.
public final class AppEngine: ScreenProvider, Sendable {
  /// How long a finger must stay down for a long press (ViewConfiguration's 400 ms).
  public static let longPressTimeout = 400
  /// How far (in dp) a finger may move and still tap (ViewConfiguration's touch slop).
  public static let touchSlopDP = 8
  /// Swipes shorter than this many milliseconds fling.
  public static let flingDuration = 500
  /// How much further than the finger a fling scrolls.
  public static let flingMultiplier = 2

  /// The app this engine runs.
  public let model: AppModel
  let runtime: Mutex<Runtime>

  /// The engine's mutable part, under one lock.
  struct Runtime: Sendable {
    var app: AppState
    /// Draws the pop-ups of ``AppModel/popups``.
    var random: SeededRandom
  }

  /// Creates an engine with the app freshly started on its root screen.
  /// - Parameters:
  ///   - model: the app.
  ///   - salt: tells phones apart in the pop-up draws (the phone's serial).
  public init(model: AppModel, salt: String = "") {
    self.model = model
    runtime = Mutex(
      Runtime(app: Self.freshState(of: model), random: SeededRandom(seed: model.popups.seed, salt: salt)))
  }

  static func freshState(of model: AppModel) -> AppState {
    var state = model.initialState
    state.stack = [AppRoute(screen: model.rootScreen)]
    state.focusedField = nil
    state.isKeyboardShown = false
    state.popup = nil
    return state
  }

  // MARK: - Reading and changing the state (for tests)

  /// The app's state now.
  public var state: AppState { runtime.withLock { $0.app } }

  /// Changes the app's state directly.
  public func update(_ body: (inout AppState) -> Void) {
    runtime.withLock { body(&$0.app) }
  }

  /// Shows a pop-up now, over whatever the app shows.
  public func showPopup(_ popup: AppPopup) {
    runtime.withLock { $0.app.popup = popup }
  }

  /// The pop-up on show, if any.
  public var popup: AppPopup? { runtime.withLock { $0.app.popup } }

  /// Restarts the app from its initial state (the pop-up draws go on where they were).
  public func reset() {
    runtime.withLock { $0.app = Self.freshState(of: model) }
  }

  // MARK: - ScreenProvider

  public func screen(in context: ScreenContext, system: PhoneSystem) -> UINode {
    Self.window(of: model, in: state, layout: AppLayout(context)).node(appPackage: model.package)
  }

  public func handle(_ event: InputEvent, in context: ScreenContext, system: PhoneSystem) -> Bool {
    let layout = AppLayout(context)
    var work: [@Sendable (PhoneSystem) -> Void] = []
    let consumed = runtime.withLock { runtime in
      var transition = AppTransition(model: model, runtime: runtime, layout: layout)
      let consumed = transition.handle(event)
      runtime = transition.runtime
      work = transition.systemWork
      return consumed
    }
    for item in work { item(system) }
    return consumed
  }

  public func activityStarted(_ launch: ActivityLaunch, in context: ScreenContext, system: PhoneSystem) {
    runtime.withLock { runtime in
      var transition = AppTransition(model: model, runtime: runtime, layout: AppLayout(context))
      transition.started(launch)
      runtime = transition.runtime
    }
  }

  public func isIdle(in context: ScreenContext, system: PhoneSystem) -> Bool {
    let app = state
    guard let route = app.route, let screen = model.screens[route.screen] else { return true }
    return screen.isIdle(AppScreenContext(state: app, route: route, layout: AppLayout(context)))
  }

  // MARK: - Drawing

  /// The window an app shows in a state: the pop-up's, else the top screen's.
  static func window(of model: AppModel, in app: AppState, layout: AppLayout) -> AppWindow {
    if let popup = app.popup { return popup.window(appPackage: model.package, layout: layout) }
    let route = app.route ?? AppRoute(screen: model.rootScreen)
    let content =
      model.screens[route.screen].map { $0.content(AppScreenContext(state: app, route: route, layout: layout)) } ?? []
    return AppWindow.activity(package: model.package, content: content, layout: layout)
  }
}
