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
  ///   - salt: the phone's serial: tells phones apart in the pop-up draws, and is the
  ///     ``AppEnvironment/serial`` the app sees.
  public init(model: AppModel, salt: String = "") {
    self.model = model
    var app = Self.freshState(of: model)
    app.environment.serial = salt
    model.onChange?(&app)
    runtime = Mutex(Runtime(app: app, random: SeededRandom(seed: model.popups.seed, salt: salt)))
  }

  /// The state of a fresh start: the initial state on the root screen. What the app keeps
  /// across restarts (its ``AppState/store`` and the ``AppState/environment``) comes from
  /// `previous`, when given.
  static func freshState(of model: AppModel, keeping previous: AppState? = nil) -> AppState {
    var state = model.initialState
    state.stack = [AppRoute(screen: model.rootScreen)]
    state.focusedField = nil
    state.isKeyboardShown = false
    state.popup = nil
    if let previous {
      state.store = previous.store
      state.environment = previous.environment
    }
    return state
  }

  // MARK: - Reading and changing the state (for tests)

  /// The app's state now.
  public var state: AppState { runtime.withLock { $0.app } }

  /// The app's state with its ``AppState/environment`` read from `system` now (the clock, the
  /// media files), as a step would see it: what `vphone state` reports.
  public func state(on system: PhoneSystem) -> AppState {
    var app = state
    Self.refresh(&app.environment, from: system)
    return app
  }

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

  /// Restarts the app from its initial state, store included (the pop-up draws go on where
  /// they were).
  public func reset() {
    runtime.withLock { runtime in
      let serial = runtime.app.environment.serial
      runtime.app = Self.freshState(of: model)
      runtime.app.environment.serial = serial
      model.onChange?(&runtime.app)
    }
  }

  // MARK: - ScreenProvider

  public func screen(in context: ScreenContext, system: PhoneSystem) -> UINode {
    Self.window(of: model, in: state(on: system), layout: AppLayout(context)).node(appPackage: model.package)
  }

  public func handle(_ event: InputEvent, in context: ScreenContext, system: PhoneSystem) -> Bool {
    var consumed = true
    let work = step(system: system, layout: AppLayout(context)) { consumed = $0.handle(event) }
    for item in work { item(system) }
    return consumed
  }

  public func activityStarted(_ launch: ActivityLaunch, in context: ScreenContext, system: PhoneSystem) {
    let work = step(system: system, layout: AppLayout(context)) { $0.started(launch) }
    for item in work { item(system) }
  }

  public func isIdle(in context: ScreenContext, system: PhoneSystem) -> Bool {
    let app = state(on: system)
    guard let route = app.route, let screen = model.screens[route.screen] else { return true }
    return screen.isIdle(AppScreenContext(state: app, route: route, layout: AppLayout(context)))
  }

  /// Runs one step of the app's state machine under the lock, with the environment refreshed
  /// first and ``AppModel/onChange`` after.
  /// - Returns: the work for the phone, to run once the lock is released.
  private func step(
    system: PhoneSystem, layout: AppLayout, _ body: (inout AppTransition) -> Void
  ) -> [@Sendable (PhoneSystem) -> Void] {
    var environment = AppEnvironment()
    Self.refresh(&environment, from: system)
    return runtime.withLock { runtime in
      environment.serial = runtime.app.environment.serial
      runtime.app.environment = environment
      var transition = AppTransition(model: model, runtime: runtime, layout: layout)
      body(&transition)
      runtime = transition.runtime
      model.onChange?(&runtime.app)
      return transition.systemWork
    }
  }

  /// Reads the clock and MediaStore into an environment (outside the engine's lock).
  static func refresh(_ environment: inout AppEnvironment, from system: PhoneSystem) {
    environment.now = system.uptime
    environment.media = system.mediaStore.entries
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
