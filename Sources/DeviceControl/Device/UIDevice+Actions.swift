import ADB

extension UIDevice {
  /// Taps the element `selector` finds (waiting for it): the centre of its nearest clickable
  /// ancestor-or-self, with a small random offset, as a finger would.
  /// - Returns: the element tapped.
  @discardableResult
  public func tap(_ selector: UISelector, timeout: Duration? = nil) async throws(DeviceControlError) -> UIElement {
    let element = try await waitFor(selector, timeout: timeout)
    let target = try await hierarchy().clickableAncestorOrSelf(of: element) ?? element
    let (x, y) = jittered(target.bounds)
    try await tap(x: x, y: y)
    return element
  }

  /// Taps `selector`, then checks that `postcondition` appears ("Follow" became "Following");
  /// if it does not, taps once more (when the element is still there) and checks again.
  /// - Throws: ``DeviceControlError/Code/postconditionFailed`` when it never appears.
  public func tap(
    _ selector: UISelector, expecting postcondition: UISelector, timeout: Duration? = nil,
    postconditionTimeout: Duration = .seconds(3)
  ) async throws(DeviceControlError) {
    try await tap(selector, timeout: timeout)
    for attempt in 1...2 {
      do {
        try await waitFor(postcondition, timeout: postconditionTimeout)
        return
      } catch  where error.code == .elementNotFound {
        guard attempt == 1, try await find(selector) != nil else { break }
        try await tap(selector, timeout: postconditionTimeout)
      }
    }
    throw await failure(.postconditionFailed, "tapped \(selector) but \(postcondition) never appeared")
  }

  /// Taps a point.
  public func tap(x: Int, y: Int) async throws(DeviceControlError) {
    counters.taps += 1
    invalidate()
    try await run("input tap \(x) \(y)")
  }

  /// Presses and holds the element `selector` finds.
  public func longPress(_ selector: UISelector, duration: Duration = .milliseconds(800), timeout: Duration? = nil)
    async throws(DeviceControlError)
  {
    let element = try await waitFor(selector, timeout: timeout)
    let (x, y) = jittered(element.bounds)
    counters.taps += 1
    invalidate()
    try await run("input swipe \(x) \(y) \(x) \(y) \(duration.milliseconds)")
  }

  /// Swipes from one point to another over `duration` (short flings, long drags).
  public func swipe(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), duration: Duration = .milliseconds(300)
  ) async throws(DeviceControlError) {
    counters.swipes += 1
    invalidate()
    try await run("input swipe \(start.x) \(start.y) \(end.x) \(end.y) \(duration.milliseconds)")
  }

  /// Which way content moves: `.down` reveals what is below (a finger moving up).
  public enum ScrollDirection: Sendable {
    /// Reveal content further down.
    case down
    /// Reveal content further up.
    case up
  }

  /// Scrolls the first scrollable element (or the screen) until `selector` matches, at most
  /// `maxSwipes` times; stops early when a swipe changes nothing (the end of the list).
  /// - Throws: ``DeviceControlError/Code/elementNotFound`` when it never shows.
  @discardableResult
  public func scroll(
    until selector: UISelector, direction: ScrollDirection = .down, maxSwipes: Int = 10
  ) async throws(DeviceControlError) -> UIElement {
    for _ in 0...maxSwipes {
      let screen = try await settle()
      if let found = screen.first(matching: selector) { return found }
      let area = screen.nodes.first { $0.scrollable && !$0.bounds.isEmpty }?.bounds ?? screen.root.bounds
      let x = area.center.x
      let (high, low) = (area.y1 + area.height / 4, area.y1 + area.height * 3 / 4)
      let (from, to) = direction == .down ? (low, high) : (high, low)
      try await swipe(from: (x, from), to: (x, to), duration: .milliseconds(400))
      if try await settle() == screen { break }  // Nothing moved: the end of the list.
    }
    if let found = try await hierarchy().first(matching: selector) { return found }
    throw await failure(.elementNotFound, "scrolled \(direction) without finding \(selector)")
  }

  /// Sends key events, several in one `input keyevent` call.
  public func press(_ keys: UIKey...) async throws(DeviceControlError) {
    try await press(keys)
  }

  /// Sends key events, several in one `input keyevent` call.
  public func press(_ keys: [UIKey]) async throws(DeviceControlError) {
    guard !keys.isEmpty else { return }
    counters.keyPresses += keys.count
    invalidate()
    try await run("input keyevent " + keys.map { String($0.code) }.joined(separator: " "))
  }

  /// The centre of `bounds` moved by up to ``Options/tapJitter`` pixels, staying inside.
  func jittered(_ bounds: UIBounds) -> (x: Int, y: Int) {
    let (x, y) = bounds.center
    let spread = min(options.tapJitter, bounds.width / 4, bounds.height / 4)
    guard spread > 0 else { return (x, y) }
    return (x + Int.random(in: -spread...spread, using: &random), y + Int.random(in: -spread...spread, using: &random))
  }
}

extension Duration {
  /// Whole milliseconds, as `input swipe` takes them.
  var milliseconds: Int64 {
    let (seconds, attoseconds) = components
    return seconds * 1000 + attoseconds / 1_000_000_000_000_000
  }
}
