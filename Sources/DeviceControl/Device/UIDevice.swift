public import ADB

/// Drives a phone's UI over plain ADB (no agent app): reads the screen with
/// `uiautomator dump /dev/tty`, finds elements with ``UISelector``s, acts with `input`, waits,
/// and dismisses pop-ups between steps with ``UIWatcher``s.
///
/// One dump serves every lookup until the next action; every action invalidates it. Each
/// operation's cost is counted in ``counters``. A failure carries the last hierarchy XML and a
/// screenshot.
///
/// ```swift
/// let ui = UIDevice(device)
/// try await ui.launch("com.zhiliaoapp.musically")
/// try await ui.tap(.description(startingWith: "Like video"))
/// ```
public actor UIDevice {
  /// Tunables; the defaults suit real phones.
  public struct Options: Sendable {
    /// How many times a failed dump ("could not get idle state", …) is tried in all.
    public var dumpAttempts = 3
    /// The pause before a dump is retried, multiplied by the attempt number.
    public var dumpRetryDelay: Duration = .milliseconds(500)
    /// The pause between two reads of a wait.
    public var pollInterval: Duration = .milliseconds(250)
    /// How long a lookup waits for its element when no timeout is given.
    public var defaultTimeout: Duration = .seconds(10)
    /// The most reads ``settle()`` makes while waiting for two equal ones.
    public var settleReads = 5
    /// The largest random offset of a tap from the element's centre, in pixels.
    public var tapJitter = 3
    /// The most characters one `input text` call types.
    public var textChunkSize = 32
    /// Seeds the tap jitter, for reproducible runs; nil seeds from the system.
    public var seed: UInt64?
    /// Whether a failure takes a screenshot for its error.
    public var screenshotsOnFailure = true
    /// Whether ``waitFor(_:timeout:)`` needs its element in two successive reads (Maestro's settle
    /// rule) before it returns. Flows that count dumps can take the first read that matches.
    public var requiresStableReads = true
    /// Whether a dump that fails with "could not get idle state" is followed by a tap in the
    /// centre of the screen before the retry: that pauses a playing video (TikTok's feed never
    /// goes idle while it plays; UI-AUTOMATION.md §1).
    public var tapsToPauseWhenNotIdle = false

    /// The defaults.
    public init() {}
  }

  /// The phone, on whatever path reaches it.
  public nonisolated let device: any ADBDevice
  /// The tunables in force.
  public let options: Options
  let clock: any UIClock
  var random: SeededGenerator
  /// The hierarchy read since the last action, if any.
  var current: UIHierarchy?
  /// The XML of the last read, kept for failure reports even after an action.
  var lastXML: String?
  /// Pop-up rules run between steps.
  var watchers: [UIWatcher] = []
  var watchersRunning = false

  /// What operations have cost so far.
  public internal(set) var counters = UICounters()

  /// Wraps `device`.
  /// - Parameters:
  ///   - device: a device from an adb server or a native connection.
  ///   - options: timeouts, retries, jitter.
  ///   - clock: the time source of waits (inject a test clock to skip real sleeping).
  public init(_ device: any ADBDevice, options: Options = Options(), clock: any UIClock = SystemUIClock()) {
    self.device = device
    self.options = options
    self.clock = clock
    random = SeededGenerator(seed: options.seed ?? UInt64.random(in: 0...UInt64.max))
  }

  /// Starts counting from zero.
  public func resetCounters() {
    counters = UICounters()
  }

  // MARK: - Shell

  /// Runs `command` with `sh -c` on the phone, counting the round trip.
  /// - Throws: ``DeviceControlError/Code/adb`` when the phone cannot be reached.
  @discardableResult
  public func shell(_ command: String) async throws(DeviceControlError) -> ShellOutput {
    counters.shellRoundTrips += 1
    do {
      return try await device.shell(command)
    } catch let error as ADBError {
      throw DeviceControlError(error)
    } catch {
      throw DeviceControlError(.commandFailed, "\(command): \(error)")
    }
  }

  /// Runs `command` and fails unless it exits 0.
  @discardableResult
  func run(_ command: String) async throws(DeviceControlError) -> ShellOutput {
    let result = try await shell(command)
    guard let status = result.exitStatus, status != 0 else { return result }
    let output = (result.standardError + result.standardOutput).split(whereSeparator: \.isNewline).joined(
      separator: " ")
    throw DeviceControlError(.commandFailed, "`\(command)` exited \(status): \(output)")
  }

  // MARK: - Failures

  /// An error with the evidence for diagnosis: the last hierarchy and, when enabled, a screenshot.
  func failure(_ code: DeviceControlError.Code, _ message: String) async -> DeviceControlError {
    var screenshot: [UInt8]?
    if options.screenshotsOnFailure {
      counters.shellRoundTrips += 1
      screenshot = try? await device.screenshotPNG()
    }
    return DeviceControlError(code, message, lastHierarchyXML: lastXML, screenshotPNG: screenshot)
  }
}
