import ADB

extension UIDevice {
  /// The first element matching `selector` on the current screen, after the watchers ran; nil
  /// when there is none. Reads the screen only if an action happened since the last read.
  public func find(_ selector: UISelector) async throws(DeviceControlError) -> UIElement? {
    try await runWatchers()
    return try await hierarchy().first(matching: selector)
  }

  /// Every element matching `selector` on the current screen.
  public func findAll(_ selector: UISelector) async throws(DeviceControlError) -> [UIElement] {
    try await runWatchers()
    return try await hierarchy().elements(matching: selector)
  }

  /// Whether `selector` matches now.
  public func exists(_ selector: UISelector) async throws(DeviceControlError) -> Bool {
    try await find(selector) != nil
  }

  /// Waits until `selector` matches in two successive reads (so a screen still moving does not
  /// count), and returns the element of the last read.
  /// - Parameter timeout: how long to wait; ``Options/defaultTimeout`` when nil.
  /// - Throws: ``DeviceControlError/Code/elementNotFound`` with the last hierarchy and a
  ///   screenshot when time runs out.
  @discardableResult
  public func waitFor(_ selector: UISelector, timeout: Duration? = nil) async throws(DeviceControlError) -> UIElement {
    let deadline = clock.now() + (timeout ?? options.defaultTimeout)
    var previous: UIElement?
    while true {
      try await runWatchers()
      let found = try await hierarchy().first(matching: selector)
      if let found, !options.requiresStableReads { return found }
      if let found, let previous, found.bounds == previous.bounds { return found }
      if clock.now() >= deadline {
        if let found { return found }  // Still moving, but there: better than failing.
        throw await failure(
          .elementNotFound, "no element matches \(selector) after \(timeout ?? options.defaultTimeout)")
      }
      previous = found
      try? await clock.sleep(for: options.pollInterval)
      invalidate()
    }
  }

  /// Waits until `selector` matches in none of two successive reads.
  /// - Throws: ``DeviceControlError/Code/timedOut`` when it is still there at the deadline.
  public func waitUntilGone(_ selector: UISelector, timeout: Duration? = nil) async throws(DeviceControlError) {
    let deadline = clock.now() + (timeout ?? options.defaultTimeout)
    var goneBefore = false
    while true {
      try await runWatchers()
      let gone = try await hierarchy().first(matching: selector) == nil
      if gone && (goneBefore || !options.requiresStableReads) { return }
      if clock.now() >= deadline {
        throw await failure(.timedOut, "\(selector) still matches after \(timeout ?? options.defaultTimeout)")
      }
      goneBefore = gone
      try? await clock.sleep(for: options.pollInterval)
      invalidate()
    }
  }

  /// Waits until one of `selectors` matches and says which: for steps with several outcomes
  /// (the profile loaded, or "Couldn't find this account").
  /// - Returns: the index of the first selector that matched, and its element.
  /// - Throws: ``DeviceControlError/Code/elementNotFound`` when none matches in time.
  public func waitForAny(_ selectors: [UISelector], timeout: Duration? = nil) async throws(DeviceControlError)
    -> (index: Int, element: UIElement)
  {
    let deadline = clock.now() + (timeout ?? options.defaultTimeout)
    while true {
      try await runWatchers()
      let screen = try await hierarchy()
      for (index, selector) in selectors.enumerated() {
        if let found = screen.first(matching: selector) { return (index, found) }
      }
      if clock.now() >= deadline {
        let names = selectors.map(\.description).joined(separator: ", ")
        throw await failure(.elementNotFound, "none of \(names) appeared after \(timeout ?? options.defaultTimeout)")
      }
      try? await clock.sleep(for: options.pollInterval)
      invalidate()
    }
  }
}
