extension VirtualPhone {
  /// How `uiautomator dump` behaves on a phone: how long it takes and how often it fails, the
  /// two things a UI-automation layer has to cope with on real phones (UI-AUTOMATION.md §1).
  ///
  /// The latency is not spent by blocking anything: the shell reports it as the command's
  /// ``ShellResult/delay`` and the served phone answers that much later on its event loop.
  /// Failures are drawn from a ``SeededRandom`` per phone (seeded with ``seed`` and the serial),
  /// so a test sees the same failures at the same dumps on every run.
  ///
  /// ```swift
  /// var configuration = VirtualPhone.Configuration()
  /// configuration.uiautomatorDump = .init(latency: .milliseconds(300), failureRate: 0.02, seed: 7)
  /// ```
  public struct DumpBehaviour: Sendable, Hashable {
    /// How long each dump takes (stock `uiautomator dump` takes 0.3–2 s on real phones).
    public var latency: Duration
    /// The share of dumps that fail, from 0 (never) to 1 (always).
    public var failureRate: Double
    /// Fixes which dumps fail.
    public var seed: UInt64

    /// Creates a behaviour.
    /// - Parameters:
    ///   - latency: how long each dump takes.
    ///   - failureRate: the share of dumps that fail (0…1).
    ///   - seed: fixes which dumps fail.
    public init(latency: Duration = .milliseconds(300), failureRate: Double = 0, seed: UInt64 = 1) {
      self.latency = latency
      self.failureRate = failureRate
      self.seed = seed
    }

    /// Dumps answer at once and never fail: for unit tests that do not study dumps.
    public static let instant = DumpBehaviour(latency: .zero, failureRate: 0)
    /// A phone's usual pace (300 ms) without random failures: the library's default.
    public static let realistic = DumpBehaviour(latency: .milliseconds(300), failureRate: 0)
  }

  /// How one `uiautomator dump` ends.
  public enum DumpOutcome: Sendable, Hashable {
    /// The hierarchy was written.
    case dumped
    /// `UiAutomation.waitForIdle` timed out: the screen kept repainting (video, animations).
    case idleTimeout
    /// There was no active window root (mid-transition, screen off, bridge dropped).
    case nullRoot

    /// What `uiautomator` prints on standard error for a failure (AOSP `DumpCommand.java`); it
    /// still exits 0. Without shell v2 (`exec:`, `shell:`) standard error shares the stream
    /// with standard output, which is where scripts see it.
    public var errorMessage: String? {
      switch self {
      case .dumped: nil
      case .idleTimeout: "ERROR: could not get idle state.\n"
      case .nullRoot: "ERROR: null root node returned by UiTestAutomationBridge.\n"
      }
    }
  }
}
