/// Typed values an app model keeps beyond its screens: what a real app keeps on its servers
/// (accounts, follows, posts). Unlike the rest of ``AppState`` the store survives a cold start
/// (`am force-stop`, then a launch), so a flow that restarts the app finds its work done.
///
/// Each model keys its data by its own type:
///
/// ```swift
/// struct Notes: Sendable { var titles: [String] = [] }
/// state.store[Notes.self, default: Notes()].titles.append("Groceries")
/// ```
public struct AppStore: Sendable {
  private var values: [ObjectIdentifier: any Sendable] = [:]

  /// Creates an empty store.
  public init() {}

  /// The value stored for `type`, if any.
  public subscript<Value: Sendable>(_ type: Value.Type) -> Value? {
    get { values[ObjectIdentifier(type)] as? Value }
    set { values[ObjectIdentifier(type)] = newValue }
  }

  /// The value stored for `type`, or `defaultValue` (which a write then stores).
  public subscript<Value: Sendable>(_ type: Value.Type, default defaultValue: @autoclosure () -> Value) -> Value {
    get { self[type] ?? defaultValue() }
    set { self[type] = newValue }
  }
}
