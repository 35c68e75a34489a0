import ADB

extension UIDevice {
  /// The screen as last read; read now if an action has happened since.
  /// - Throws: ``DeviceControlError/Code/dumpFailed`` after ``Options/dumpAttempts`` failed
  ///   dumps, ``DeviceControlError/Code/malformedHierarchy`` for garbage.
  public func hierarchy() async throws(DeviceControlError) -> UIHierarchy {
    if let current { return current }
    return try await refresh()
  }

  /// Reads the screen now, whatever was cached.
  @discardableResult
  public func refresh() async throws(DeviceControlError) -> UIHierarchy {
    var attempt = 1
    while true {
      do {
        let hierarchy = try await dumpOnce()
        current = hierarchy
        return hierarchy
      } catch  where error.code == .dumpFailed && attempt < options.dumpAttempts {
        // "could not get idle state", "null root node", empty output: all pass with time, and
        // a playing video stops when tapped.
        if error.dumpFailureKind == .idleTimeout && options.tapsToPauseWhenNotIdle {
          let size = try await screenSize()
          try await tap(x: size.width / 2, y: size.height / 2)
        }
        try? await clock.sleep(for: options.dumpRetryDelay * attempt)
        attempt += 1
      }
    }
  }

  /// Forgets the cached screen: every action calls this.
  func invalidate() {
    current = nil
  }

  /// Reads until two successive reads agree (Maestro's settle rule), at most
  /// ``Options/settleReads`` times, and returns the last read.
  @discardableResult
  public func settle() async throws(DeviceControlError) -> UIHierarchy {
    var previous = try await refresh()
    for _ in 1..<max(options.settleReads, 2) {
      try? await clock.sleep(for: options.pollInterval)
      let next = try await refresh()
      if next == previous { return next }
      previous = next
    }
    return previous
  }

  /// One `uiautomator dump /dev/tty` through `exec:` (no stale file on the phone), classified.
  private func dumpOnce() async throws(DeviceControlError) -> UIHierarchy {
    counters.dumps += 1
    counters.shellRoundTrips += 1
    let bytes: [UInt8]
    do {
      bytes = try await device.exec("uiautomator dump /dev/tty")
    } catch let error as ADBError {
      throw DeviceControlError(error)
    } catch {
      throw DeviceControlError(.commandFailed, "uiautomator dump: \(error)")
    }
    lastXML = String(decoding: bytes, as: UTF8.self)
    return try DumpOutput(stdout: bytes).hierarchy()
  }
}
