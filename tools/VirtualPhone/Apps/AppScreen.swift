/// One screen of an app model: a function from the app's state to the views inside the app's
/// content area (`android:id/content`). The engine adds the window around it (decor view,
/// status and navigation bar backgrounds) and routes input to the views' actions.
///
/// ```swift
/// AppScreen("detail") { screen in
///   var column = screen.layout.column()
///   return [
///     screen.toolbar(title: "Details", frame: column.next(height: screen.layout.dp(56))),
///     screen.text("Hello", id: "body", frame: column.next(height: screen.layout.dp(48))),
///   ]
/// }
/// ```
public struct AppScreen: Sendable {
  /// The screen's id, which routes and actions name.
  public var id: String
  /// Builds the screen's views for a state.
  public var content: @Sendable (AppScreenContext) -> [AppElement]
  /// Whether the screen has stopped repainting; a screen that is not idle (a playing video)
  /// makes `uiautomator dump` fail with "could not get idle state".
  public var isIdle: @Sendable (AppScreenContext) -> Bool

  /// Creates a screen.
  /// - Parameters:
  ///   - id: the screen's id.
  ///   - isIdle: whether the screen is idle in a state; always, by default.
  ///   - content: builds the screen's views.
  public init(
    _ id: String, isIdle: @escaping @Sendable (AppScreenContext) -> Bool = { _ in true },
    content: @escaping @Sendable (AppScreenContext) -> [AppElement]
  ) {
    self.id = id
    self.isIdle = isIdle
    self.content = content
  }
}

/// What a screen sees while it draws: the app's state, the route it was opened with, and the
/// screen geometry. Its widget helpers (`AppScreenContext+Widgets.swift`) read the state, so a
/// field shows its text and a toggle its flag.
public struct AppScreenContext: Sendable {
  /// The app's state.
  public var state: AppState
  /// The route being drawn (the top of the back stack).
  public var route: AppRoute
  /// The screen geometry.
  public var layout: AppLayout

  /// Creates a context.
  public init(state: AppState, route: AppRoute, layout: AppLayout) {
    self.state = state
    self.route = route
    self.layout = layout
  }

  /// A parameter the route was opened with.
  public func parameter(_ name: String) -> String? { route.parameters[name] }

  /// Whether a flag is on.
  public func isOn(_ flag: String) -> Bool { state.isOn(flag) }

  /// A text field's contents.
  public func text(of field: String) -> String { state.fields[field] ?? "" }

  /// Whether a text field has focus.
  public func isFocused(_ field: String) -> Bool { state.focusedField == field }

  /// A list the app grows.
  public func items(_ list: String) -> [String] { state.lists[list] ?? [] }

  /// How far a list of this screen is scrolled, in pixels.
  public func scrollOffset(_ list: String) -> Int { route.scrollOffsets[list] ?? 0 }
}
