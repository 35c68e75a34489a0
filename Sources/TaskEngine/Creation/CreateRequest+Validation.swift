import Foundation

/// A create request whose fields passed the checks that need no database.
struct ValidatedRequest: Sendable {
  /// Who runs the tasks, before accounts are looked up.
  enum Mode: Sendable {
    case devices([String], multiAccount: Bool)
    case accounts([String])
  }

  var script: any TaskScript
  var mode: Mode
  var config: JSONValue
  /// The resolved start as stored (a local date-time), nil for now.
  var startTime: String?
  /// When the tasks may start.
  var due: Date
  var minInterval: Double
  var maxInterval: Double
  var enableMultiAccount: Bool
  var source: TaskSource
}

extension CreateRequest {
  /// Checks every field that needs no database, in API.md's order of importance: the script,
  /// the executors, the start time, the intervals.
  func validated(scripts: ScriptRegistry, clock: LocalClock) throws(TaskEngineError) -> ValidatedRequest {
    guard let name = scriptName, !name.isEmpty else {
      throw TaskEngineError(.missingScriptName, field: "script_name", "script_name is missing: name the script to run")
    }
    guard let script = scripts[name] else {
      throw TaskEngineError(
        .unknownScript, field: "script_name",
        "script_name: no script is named \(name.debugDescription); known: \(scripts.names.joined(separator: ", "))")
    }
    guard scriptConfig.objectValue != nil else {
      throw .invalid("script_config", "must be an object, got \(scriptConfig.typeName)")
    }
    let now = clock.now()
    let start = try resolvedStart(clock: clock, now: now)
    let maxInterval = try checkedIntervals()
    return ValidatedRequest(
      script: script, mode: try mode(), config: scriptConfig, startTime: start.map(clock.format), due: start ?? now,
      minInterval: minInterval, maxInterval: maxInterval, enableMultiAccount: enableMultiAccount, source: source)
  }

  /// Exactly one of `serials` and `usernames`, each a list of non-empty names.
  private func mode() throws(TaskEngineError) -> ValidatedRequest.Mode {
    let serials = try Self.names(self.serials, field: "serials")
    let usernames = try Self.names(self.usernames, field: "usernames")
    switch (serials.isEmpty, usernames.isEmpty) {
    case (false, false):
      throw .invalid("serials", "give either serials (device mode) or usernames (account mode), not both")
    case (true, true):
      throw .invalid("serials", "give serials (device mode) or usernames (account mode); both are missing or empty")
    case (false, true):
      return .devices(serials, multiAccount: enableMultiAccount)
    case (true, false):
      guard !enableMultiAccount else {
        throw .invalid("enable_multi_account", "applies to serials (device mode), not to usernames")
      }
      return .accounts(usernames)
    }
  }

  /// The list without duplicates, in order; an empty name is refused.
  private static func names(_ list: [String]?, field: String) throws(TaskEngineError) -> [String] {
    var seen = Set<String>()
    var names: [String] = []
    for (index, name) in (list ?? []).enumerated() {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { throw .invalid(field, "item \(index) is empty") }
      if seen.insert(trimmed).inserted { names.append(trimmed) }
    }
    return names
  }

  /// "HH:MM" (H:MM accepted) as the next such local time; nil when absent or empty.
  private func resolvedStart(clock: LocalClock, now: Date) throws(TaskEngineError) -> Date? {
    guard let text = startTime?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
    else {
      throw .invalid("start_time", "must be a local time HH:MM (00:00 to 23:59), got \(text.debugDescription)")
    }
    return clock.next(hour: hour, minute: minute, after: now)
  }

  /// Non-negative, finite, and min ≤ max; returns the upper bound to use. A `max_interval` of 0
  /// (or absent) with a positive `min_interval` means a fixed pause of `min_interval`.
  private func checkedIntervals() throws(TaskEngineError) -> Double {
    for (field, value) in [("min_interval", minInterval), ("max_interval", maxInterval)] {
      guard value.isFinite, value >= 0 else { throw .invalid(field, "must be a number of minutes ≥ 0, got \(value)") }
    }
    if maxInterval == 0 { return minInterval }
    guard minInterval <= maxInterval else {
      throw .invalid(
        "max_interval", "must not be less than min_interval (\(minInterval)), got \(maxInterval)")
    }
    return maxInterval
  }
}
