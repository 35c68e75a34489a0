/// What UI operations cost on the phone, counted by ``UIDevice`` so scripts can be measured:
/// every dump, tap and shell round trip.
///
/// ```swift
/// let before = await ui.counters
/// try await ui.tap(.text("Follow"))
/// print(await ui.counters - before)   // dumps: 2, taps: 1, shell round trips: 3, …
/// ```
public struct UICounters: Sendable, Hashable, CustomStringConvertible {
  /// `uiautomator dump` runs, failed ones included.
  public var dumps = 0
  /// Taps and long presses.
  public var taps = 0
  /// Swipes (scrolls included).
  public var swipes = 0
  /// Key events.
  public var keyPresses = 0
  /// `input text` calls and keyboard broadcasts.
  public var textInputs = 0
  /// Commands run on the phone, whatever they were (dumps, input, am, ime, screencap…).
  public var shellRoundTrips = 0
  /// Times a watcher rule fired.
  public var watcherFirings = 0

  /// All zero.
  public init() {}

  /// The cost between two readings.
  public static func - (later: UICounters, earlier: UICounters) -> UICounters {
    var difference = UICounters()
    difference.dumps = later.dumps - earlier.dumps
    difference.taps = later.taps - earlier.taps
    difference.swipes = later.swipes - earlier.swipes
    difference.keyPresses = later.keyPresses - earlier.keyPresses
    difference.textInputs = later.textInputs - earlier.textInputs
    difference.shellRoundTrips = later.shellRoundTrips - earlier.shellRoundTrips
    difference.watcherFirings = later.watcherFirings - earlier.watcherFirings
    return difference
  }

  public var description: String {
    "dumps: \(dumps), taps: \(taps), swipes: \(swipes), keys: \(keyPresses), text inputs: \(textInputs), "
      + "shell round trips: \(shellRoundTrips), watcher firings: \(watcherFirings)"
  }
}
