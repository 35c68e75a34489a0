/// A pop-up rule: when `selector` matches, do `action`. ``UIDevice`` runs its watchers between
/// steps (before each lookup), never on a background thread, so a rule cannot fire in the middle
/// of an action.
///
/// ```swift
/// await ui.addWatcher(UIWatcher("update prompt", when: .text("Not now"), then: .tap))
/// await ui.addWatcher(UIWatcher("permission", when: .text("Don't allow"), then: .tap))
/// ```
public struct UIWatcher: Sendable {
  /// What a rule does when it matches.
  public enum Action: Sendable {
    /// Tap the matched element.
    case tap
    /// Tap another element of the same screen (the dialog's "Not now" when the title matched).
    case tapOther(UISelector)
    /// Press BACK.
    case back
  }

  /// A name for logs and ``UIDevice/removeWatcher(named:)``.
  public var name: String
  /// What identifies the pop-up.
  public var selector: UISelector
  /// How to dismiss it.
  public var action: Action

  /// A rule named `name`.
  public init(_ name: String, when selector: UISelector, then action: Action) {
    self.name = name
    self.selector = selector
    self.action = action
  }
}

extension UIDevice {
  /// The most times watchers may fire in one pass, so two rules cannot loop forever.
  static let maximumWatcherFiringsPerPass = 5

  /// Adds a rule, run before every later lookup.
  public func addWatcher(_ watcher: UIWatcher) {
    watchers.append(watcher)
  }

  /// Removes the rules named `name`.
  public func removeWatcher(named name: String) {
    watchers.removeAll { $0.name == name }
  }

  /// Runs the rules on the current screen until none matches (at most a few firings).
  /// - Returns: the names of the rules that fired, in order.
  @discardableResult
  public func runWatchers() async throws(DeviceControlError) -> [String] {
    guard !watchers.isEmpty, !watchersRunning else { return [] }
    watchersRunning = true
    defer { watchersRunning = false }
    var fired: [String] = []
    while fired.count < Self.maximumWatcherFiringsPerPass {
      let screen = try await hierarchy()
      guard
        let (watcher, element) = watchers.lazy.compactMap({ rule in
          screen.first(matching: rule.selector).map { (rule, $0) }
        }).first
      else { break }
      counters.watcherFirings += 1
      fired.append(watcher.name)
      switch watcher.action {
      case .tap:
        let target = screen.clickableAncestorOrSelf(of: element) ?? element
        try await tap(x: target.bounds.center.x, y: target.bounds.center.y)
      case .tapOther(let other):
        guard let button = screen.first(matching: other) else { break }
        let target = screen.clickableAncestorOrSelf(of: button) ?? button
        try await tap(x: target.bounds.center.x, y: target.bounds.center.y)
      case .back:
        try await press(.back)
      }
      try? await clock.sleep(for: options.pollInterval)
    }
    return fired
  }
}
