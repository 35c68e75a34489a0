/// What touching an element (or submitting a field, or tapping a pop-up's button) does to its
/// app: the transitions of the app's state machine.
///
/// ```swift
/// .open("item", parameters: ["n": "7"])      // push a screen; BACK returns
/// .toggle("following")                        // Follow ↔ Following
/// .update { $0.lists["sent", default: []].append("hi") }
/// .all([.update { $0.fields["message"] = "" }, .back])
/// ```
public indirect enum AppAction: Sendable {
  /// Opens a screen on top of the current one; BACK returns.
  case open(String, parameters: [String: String] = [:])
  /// Shows a screen in place of the current one (a tab switch); BACK does not return to it.
  case replace(String, parameters: [String: String] = [:])
  /// Returns to the previous screen (closing the keyboard with it); on the first screen the
  /// app goes to the background and the launcher shows, as BACK does.
  case back
  /// Closes every screen above the topmost `screen` of the back stack (a bottom-navigation tab
  /// returning to Home); nothing happens when that screen is on top or not on the stack.
  case popTo(String)
  /// Flips a flag of ``AppState/flags`` (Follow ↔ Following, a Like, a checkbox).
  case toggle(String)
  /// Focuses a text field (a key of ``AppState/fields``) and shows the keyboard.
  case focus(String)
  /// Shows a pop-up over the app.
  case showPopup(AppPopup)
  /// Closes the pop-up.
  case dismissPopup
  /// Changes the app's state (append to a list, clear a field, …). Runs under the app's lock:
  /// it must not call the phone (use ``system(_:)``).
  case update(@Sendable (inout AppState) -> Void)
  /// Acts on the phone once the app's state has changed (start another app, …).
  case system(@Sendable (PhoneSystem) -> Void)
  /// Several actions, in order.
  case all([AppAction])
  /// The action the state decides when it runs: open a route with what was typed, or nothing
  /// while a field is empty.
  case derived(@Sendable (AppState) -> AppAction)
}
