public import ADB
public import DeviceControl
import Foundation

/// The TikTok app on one phone, for flows: starts the app, names screens, opens profiles and
/// videos, switches accounts, and turns UI failures into ``TikTokError``s that name the screen.
///
/// Pop-ups (update prompts, permission requests, TikTok's own dialogs) are dismissed by watchers
/// before every lookup. Dumps are read once per step: flows count them (a follow takes at most 3).
public struct TikTokSession: Sendable {
  /// TikTok's package (the global app).
  public static let package = "com.zhiliaoapp.musically"

  /// The UI of the phone.
  public let ui: UIDevice
  /// Where step messages go (the task's log).
  public let log: @Sendable (String) async -> Void

  /// Pop-ups and how to dismiss them: the dismissing button where there is one.
  public static let popupWatchers = [
    UIWatcher("update prompt", when: .text("Update available"), then: .tapOther(.text("Not now"))),
    UIWatcher("permission request", when: .text("Don\u{2019}t allow").clickable(), then: .tap),
    UIWatcher("permission request", when: .text("Don't allow").clickable(), then: .tap),
    UIWatcher("friends prompt", when: .text("Follow your friends"), then: .tapOther(.text("Not now"))),
    UIWatcher("swipe hint", when: .text("Got it").clickable(), then: .tap),
    UIWatcher("dialog", when: .text("Not now").clickable(), then: .tap),
  ]

  /// Options for flows: first matching read wins (dumps are costly), a playing video is paused
  /// by a tap when a dump cannot get an idle state.
  public static var uiOptions: UIDevice.Options {
    var options = UIDevice.Options()
    options.requiresStableReads = false
    options.tapsToPauseWhenNotIdle = true
    options.defaultTimeout = .seconds(15)
    return options
  }

  /// A session on `device`, with the pop-up watchers installed.
  public static func start(
    on device: any ADBDevice, options: UIDevice.Options = uiOptions, clock: any UIClock = SystemUIClock(),
    log: @escaping @Sendable (String) async -> Void = { _ in }
  ) async -> TikTokSession {
    let ui = UIDevice(device, options: options, clock: clock)
    for watcher in popupWatchers { await ui.addWatcher(watcher) }
    return TikTokSession(ui: ui, log: log)
  }

  /// Creates a session over an existing UI device (its watchers are left as they are).
  public init(ui: UIDevice, log: @escaping @Sendable (String) async -> Void) {
    self.ui = ui
    self.log = log
  }

  // MARK: - Screens

  /// Names the current screen (after the watchers ran).
  public func screen() async throws -> ScreenDetector.Detection {
    try await run("read the screen") {
      try await ui.runWatchers()
      return ScreenDetector.detect(try await ui.hierarchy())
    }
  }

  /// Brings TikTok to the front on its feed, launching it when it is not running.
  public func launch() async throws {
    if try await run("read the foreground app", { try await ui.foregroundPackage() }) != Self.package {
      await log("launching TikTok")
      try await run("launch TikTok") { try await ui.launch(Self.package) }
    }
  }

  /// Goes to a bottom-navigation tab (`Home`, `Inbox`, `Profile`, `Create`), going back first
  /// from screens that hide the navigation.
  public func openTab(_ tab: String) async throws {
    try await launch()
    let navigation = UISelector.description(tab).clickable()
    var backs = 0
    while try await run("look for the \(tab) tab", { try await ui.find(navigation) }) == nil {
      if backs == 6 {
        // Deep in a stack (or on a screen that hides the navigation): start over on the feed.
        await log("restarting TikTok to reach the \(tab) tab")
        try await run("restart TikTok") {
          try await ui.forceStop(Self.package)
          try await ui.launch(Self.package)
        }
      } else if backs > 6 {
        break
      } else {
        try await run("go back") { try await ui.press(.back) }
      }
      backs += 1
    }
    try await tap(navigation, "the \(tab) tab")
  }

  // MARK: - Steps

  /// Taps the control `selector` finds, failing with the screen's name when it is missing.
  @discardableResult
  public func tap(_ selector: UISelector, _ name: String, timeout: Duration? = nil) async throws -> UIElement {
    try await run("tap \(name)") { try await ui.tap(selector, timeout: timeout) }
  }

  /// Waits for `selector`, failing with the screen's name.
  @discardableResult
  public func waitFor(_ selector: UISelector, _ name: String, timeout: Duration? = nil) async throws -> UIElement {
    try await run("find \(name)") { try await ui.waitFor(selector, timeout: timeout) }
  }

  /// Runs a UI step; a UI failure becomes a ``TikTokError`` naming the step and the screen.
  public func run<T>(_ step: String, _ body: () async throws -> T) async throws -> T {
    do {
      return try await body()
    } catch let error as DeviceControlError {
      throw await failure(for: error, step: step)
    } catch let error as ADBError {
      throw await failure(for: DeviceControlError(error), step: step)
    }
  }

  /// A ``TikTokError`` for `error` in `step`, with the screen it happened on.
  func failure(for error: DeviceControlError, step: String) async -> TikTokError {
    let xml = error.lastHierarchyXML
    let screen = xml.flatMap { try? DumpOutput($0).hierarchy() }.map { ScreenDetector.detect($0).screen }
    let kind: TikTokError.Kind =
      switch error.code {
      case .elementNotFound: .controlNotFound
      case .postconditionFailed: .postconditionFailed
      default: .device
      }
    let reason = error.code == .elementNotFound ? "not on the screen" : error.message
    return TikTokError(kind, "cannot \(step): \(reason)", screen: screen, hierarchyXML: xml, underlying: error)
  }
}
