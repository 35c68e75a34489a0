/// A Unix time broken into UTC calendar fields (the phone's time zone is UTC), using
/// Howard Hinnant's days-from-civil algorithm so no Foundation calendar is needed.
struct CivilTime: Sendable, Hashable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  /// 0 is Sunday.
  var weekday: Int

  static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  init(unixTime: Int64) {
    let seconds = Int(unixTime)
    let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
    let secondOfDay = seconds - days * 86400
    hour = secondOfDay / 3600
    minute = secondOfDay % 3600 / 60
    second = secondOfDay % 60
    weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  static func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// `2026-11-24 00:30`, the toybox `ls -l` time column.
  var listingStamp: String {
    "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day)) \(Self.pad(hour)):\(Self.pad(minute))"
  }

  /// `2026-11-24 00:30:00.000000000 +0000`, the `stat` time format.
  var statStamp: String {
    "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day)) \(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second)).000000000 +0000"
  }

  /// strftime-like formatting for `date +FORMAT`.
  func formatted(_ format: String, unixTime: Int64) -> String {
    var output = ""
    var percent = false
    for character in format {
      guard percent else {
        if character == "%" { percent = true } else { output.append(character) }
        continue
      }
      percent = false
      switch character {
      case "Y": output += String(year)
      case "m": output += Self.pad(month)
      case "d": output += Self.pad(day)
      case "e": output += (day < 10 ? " " : "") + String(day)
      case "H": output += Self.pad(hour)
      case "M": output += Self.pad(minute)
      case "S": output += Self.pad(second)
      case "s": output += String(unixTime)
      case "Z": output += "UTC"
      case "z": output += "+0000"
      case "a": output += Self.weekdayNames[weekday]
      case "b": output += Self.monthNames[month - 1]
      case "F": output += "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
      case "T": output += "\(Self.pad(hour)):\(Self.pad(minute)):\(Self.pad(second))"
      case "%": output += "%"
      default: output += "%" + String(character)
      }
    }
    return output
  }
}
