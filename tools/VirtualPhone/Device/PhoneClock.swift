import Synchronization

/// A phone's monotonic clock (Android's `SystemClock.elapsedRealtime`): apps time things with
/// it, such as how long a video was watched or how far an upload got.
///
/// ``system`` follows real time. A test that wants exact durations makes a ``manual(startingAt:)``
/// clock and moves it with ``advance(by:)``:
///
/// ```swift
/// let clock = PhoneClock.manual()
/// let phone = VirtualPhone(configuration: .init(apps: [.tiktok()], clock: clock))
/// clock.advance(by: .seconds(12))   // the video on screen has been watched 12 s longer
/// ```
///
/// Clocks compare by identity, so a ``VirtualPhone/Configuration`` holding one stays `Hashable`.
public final class PhoneClock: Sendable, Hashable {
  private let start: ContinuousClock.Instant
  private let followsRealTime: Bool
  private let offset: Mutex<Duration>

  private init(followsRealTime: Bool, offset: Duration) {
    self.start = .now
    self.followsRealTime = followsRealTime
    self.offset = Mutex(offset)
  }

  /// Real time, shared by every phone that does not set its own clock.
  public static let system = PhoneClock(followsRealTime: true, offset: .zero)

  /// A clock that stands still until ``advance(by:)`` moves it.
  /// - Parameter startingAt: its first reading.
  public static func manual(startingAt: Duration = .seconds(100)) -> PhoneClock {
    PhoneClock(followsRealTime: false, offset: startingAt)
  }

  /// The time since the clock started (plus every ``advance(by:)``).
  public var now: Duration {
    let offset = offset.withLock { $0 }
    return followsRealTime ? (ContinuousClock.now - start) + offset : offset
  }

  /// Moves the clock forward (a manual clock moves only this way).
  public func advance(by duration: Duration) {
    precondition(duration >= .zero, "a monotonic clock does not go back")
    offset.withLock { $0 += duration }
  }

  public static func == (lhs: PhoneClock, rhs: PhoneClock) -> Bool { lhs === rhs }

  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
