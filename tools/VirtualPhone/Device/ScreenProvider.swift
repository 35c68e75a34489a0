/// What a screen provider needs to know to draw the current window.
public struct ScreenContext: Sendable, Hashable {
  /// The resumed activity.
  public var foreground: ComponentName
  /// The logical width in pixels (after `wm size`).
  public var width: Int
  /// The logical height in pixels.
  public var height: Int
  /// The logical density in dpi.
  public var density: Int

  /// Creates a context.
  public init(foreground: ComponentName, width: Int, height: Int, density: Int) {
    self.foreground = foreground
    self.width = width
    self.height = height
    self.density = density
  }
}

/// An app model's window: renders the screen as data and reacts to input while its app is
/// in the foreground. Register one per package with ``PhoneSystem/setScreenProvider(_:forPackage:)``.
public protocol ScreenProvider: Sendable {
  /// The view hierarchy of the app's window, in screen coordinates.
  func screen(in context: ScreenContext, system: PhoneSystem) -> UINode

  /// Reacts to an input event delivered to the app's window (called outside the system's lock).
  /// - Returns: true when the app consumed it; an unconsumed BACK finishes the app.
  func handle(_ event: InputEvent, in context: ScreenContext, system: PhoneSystem) -> Bool

  /// One of the app's activities came to the front (`am start`, `monkey`, the launcher): a cold
  /// start begins afresh, an intent with data is a deep link (called outside the system's lock).
  func activityStarted(_ launch: ActivityLaunch, in context: ScreenContext, system: PhoneSystem)

  /// Whether the window has stopped repainting. `uiautomator dump` waits for that and fails
  /// with "could not get idle state" when it never comes (a playing video).
  func isIdle(in context: ScreenContext, system: PhoneSystem) -> Bool
}

extension ScreenProvider {
  /// By default an app consumes nothing.
  public func handle(_ event: InputEvent, in context: ScreenContext, system: PhoneSystem) -> Bool { false }

  /// By default an app ignores how it was started.
  public func activityStarted(_ launch: ActivityLaunch, in context: ScreenContext, system: PhoneSystem) {}

  /// By default a window is idle.
  public func isIdle(in context: ScreenContext, system: PhoneSystem) -> Bool { true }
}
