/// One step of an app model's state machine: takes an event (input, a launch) and the state,
/// and leaves the new state plus the work to do on the phone afterwards. No locks and no I/O,
/// so ``AppEngine`` runs it under its lock and carries out ``systemWork`` after.
struct AppTransition {
  let model: AppModel
  var runtime: AppEngine.Runtime
  let layout: AppLayout
  /// Work for the phone, run outside every lock once the step is done.
  var systemWork: [@Sendable (PhoneSystem) -> Void] = []

  init(model: AppModel, runtime: AppEngine.Runtime, layout: AppLayout) {
    self.model = model
    self.runtime = runtime
    self.layout = layout
  }

  var app: AppState {
    get { runtime.app }
    set { runtime.app = newValue }
  }

  /// The window on show in the current state.
  var window: AppWindow {
    AppEngine.window(of: model, in: app, layout: layout)
  }

  // MARK: - Launches

  /// An activity of the app came to the front: a cold start begins afresh (keeping the app's
  /// store); a deep link opens its route on top.
  mutating func started(_ launch: ActivityLaunch) {
    var changed = false
    if launch.state == .cold || app.stack.isEmpty {
      app = AppEngine.freshState(of: model, keeping: app)
      changed = true
    }
    if let url = launch.data, let route = model.route(forDeepLink: url) {
      leaveScreen()
      app.stack.append(route)
      changed = true
    }
    if changed { screenChanged() }
  }

  // MARK: - Actions

  /// Carries out an action of a view, a field or a pop-up button.
  mutating func perform(_ action: AppAction) {
    switch action {
    case .open(let screen, let parameters):
      leaveScreen()
      app.stack.append(AppRoute(screen: screen, parameters: parameters))
      screenChanged()
    case .replace(let screen, let parameters):
      leaveScreen()
      if !app.stack.isEmpty { app.stack.removeLast() }
      app.stack.append(AppRoute(screen: screen, parameters: parameters))
      screenChanged()
    case .back:
      // A view that goes back (an up arrow, a picked row) leaves the screen even while the
      // keyboard is up; only the BACK key hides the keyboard first.
      app.isKeyboardShown = false
      if !goBack() { systemWork.append { $0.returnToLauncher() } }
    case .popTo(let screen):
      guard let index = app.stack.lastIndex(where: { $0.screen == screen }), index < app.stack.count - 1 else { return }
      leaveScreen()
      app.stack.removeSubrange((index + 1)...)
      screenChanged()
    case .toggle(let flag):
      app.toggle(flag)
    case .focus(let field):
      app.focusedField = field
      app.isKeyboardShown = true
    case .showPopup(let popup):
      app.popup = popup
    case .dismissPopup:
      app.popup = nil
    case .update(let body):
      body(&app)
    case .system(let work):
      systemWork.append(work)
    case .all(let actions):
      for action in actions { perform(action) }
    case .derived(let decide):
      perform(decide(app))
    }
  }

  /// BACK's meaning inside the app: close the pop-up, hide the keyboard, or close the screen.
  /// - Returns: false on the first screen with nothing to close (the app leaves the front).
  mutating func goBack() -> Bool {
    if let popup = app.popup {
      if popup.isCancelable { app.popup = nil }
      return true
    }
    if app.isKeyboardShown {
      app.isKeyboardShown = false
      return true
    }
    guard app.stack.count > 1 else { return false }
    leaveScreen()
    app.stack.removeLast()
    screenChanged()
    return true
  }

  /// Focus and keyboard belong to the screen being left.
  private mutating func leaveScreen() {
    app.focusedField = nil
    app.isKeyboardShown = false
  }

  /// Another screen shows: maybe a pop-up comes with it (``AppPopupPolicy``).
  private mutating func screenChanged() {
    let policy = model.popups
    guard !policy.catalog.isEmpty, policy.chance > 0 else { return }
    let shows = runtime.random.chance(policy.chance)
    let pick = Int(runtime.random.next() % UInt64(policy.catalog.count))
    if shows && app.popup == nil { app.popup = policy.catalog[pick] }
  }

  /// Scrolls the list `key` of the current screen by `delta` pixels, within its content.
  mutating func scroll(_ key: String, by delta: Int, contentHeight: Int, viewport: Int) {
    guard !app.stack.isEmpty else { return }
    let top = app.stack.count - 1
    let current = app.stack[top].scrollOffsets[key] ?? 0
    app.stack[top].scrollOffsets[key] = min(max(0, current + delta), max(0, contentHeight - viewport))
  }
}
