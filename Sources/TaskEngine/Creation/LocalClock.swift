import Foundation

/// The engine's notion of "now" and of local time: stored times are local date-times
/// `YYYY-MM-DD HH:MM:SS`, and `start_time` "HH:MM" is read in this time zone.
struct LocalClock: Sendable {
  let now: @Sendable () -> Date
  let calendar: Calendar

  init(timeZone: TimeZone, now: @escaping @Sendable () -> Date) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
    self.now = now
  }

  /// `date` as `YYYY-MM-DD HH:MM:SS` in the clock's time zone.
  func format(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    return
      "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
  }

  /// Now, formatted.
  func nowText() -> String { format(now()) }

  /// The next local `hour:minute`: today when that minute has not ended yet, else tomorrow.
  ///
  /// API.md: "a time already past today means tomorrow". The current minute counts as not
  /// past, so "12:30" sent at 12:30:40 starts at once rather than a day later.
  func next(hour: Int, minute: Int, after date: Date) -> Date {
    var parts = calendar.dateComponents([.year, .month, .day], from: date)
    parts.hour = hour
    parts.minute = minute
    parts.second = 0
    let today = calendar.date(from: parts) ?? date
    guard today.addingTimeInterval(60) <= date else { return today }
    return calendar.date(byAdding: .day, value: 1, to: today) ?? today.addingTimeInterval(86_400)
  }
}
