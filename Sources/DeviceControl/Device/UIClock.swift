/// The time source of waits and back-offs, injected so tests run waits without real sleeping.
public protocol UIClock: Sendable {
  /// Time elapsed since an arbitrary fixed start.
  func now() -> Duration
  /// Suspends for `duration` (or, for a test clock, advances its time at once).
  func sleep(for duration: Duration) async throws
}

/// The real clock: `ContinuousClock`.
public struct SystemUIClock: UIClock {
  private let start = ContinuousClock.now

  /// Creates a clock starting now.
  public init() {}

  public func now() -> Duration { ContinuousClock.now - start }

  public func sleep(for duration: Duration) async throws {
    try await Task.sleep(for: duration)
  }
}
