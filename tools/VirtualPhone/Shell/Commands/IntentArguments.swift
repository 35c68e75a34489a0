/// The intent part of `am start` / `am broadcast` arguments (Intent.parseCommandArgs).
struct IntentArguments {
  var action: String?
  var data: String?
  var mimeType: String?
  var categories: [String] = []
  var component: ComponentName?
  var package: String?
  var flags: UInt32 = 0
  var extras: [String: Broadcast.Extra] = [:]
  /// Options of the am command itself (`-W`, `-S`, …) that precede or mix with the intent.
  var commandFlags: Set<String> = []
  /// An option that is not understood, or one missing its value.
  var error: String?

  /// am options that take one value and do not describe the intent.
  static let valuedCommandOptions: Set<String> = [
    "--user", "-R", "-P", "--start-profiler", "--sampling", "--display", "--windowingMode", "--activityType",
    "--task", "--receiver-permission",
  ]

  init(_ arguments: [String]) {
    var words = arguments[...]
    func next(_ option: String) -> String? {
      guard let value = words.popFirst() else {
        error = "Error: No argument expected after \"\(option)\""
        return nil
      }
      return value
    }
    while let word = words.popFirst(), error == nil {
      switch word {
      case "-a": action = next(word)
      case "-d": data = next(word)
      case "-t": mimeType = next(word)
      case "-c": next(word).map { categories.append($0) }
      case "-n": component = next(word).flatMap(ComponentName.init(parsing:))
      case "-p": package = next(word)
      case "-f":
        flags |=
          next(word).flatMap {
            UInt32($0.hasPrefix("0x") ? String($0.dropFirst(2)) : $0, radix: $0.hasPrefix("0x") ? 16 : 10)
          } ?? 0
      case "-e", "--es": extra(&words) { .string($0) }
      case "--ei": extra(&words) { Int32($0).map(Broadcast.Extra.int) }
      case "--el": extra(&words) { Int64($0).map(Broadcast.Extra.long) }
      case "--ef": extra(&words) { Float($0).map(Broadcast.Extra.float) }
      case "--ez": extra(&words) { Bool($0.lowercased()).map(Broadcast.Extra.bool) ?? (Int($0).map { .bool($0 != 0) }) }
      case "--eu", "--ecn": extra(&words) { .string($0) }
      case "--eia": extra(&words) { value in .intArray(value.split(separator: ",").compactMap { Int32($0) }) }
      case "--esa": extra(&words) { value in .stringArray(value.split(separator: ",").map(String.init)) }
      case "--esn": words.popFirst().map { extras[$0] = .string("") }
      case _ where Self.valuedCommandOptions.contains(word):
        commandFlags.insert(word)
        _ = next(word)
      case _ where word.hasPrefix("--activity-") || word.hasPrefix("--receiver-") || word.hasPrefix("--grant-"):
        break
      case "-W", "-S", "-D", "-N", "--streaming", "--track-allocation", "--include-stopped-packages",
        "--exclude-stopped-packages", "--async", "--wait":
        commandFlags.insert(word)
      case _ where word.hasPrefix("-"):
        error = "Error: Unknown option: \(word)"
      default:
        // A trailing bare argument is a URI (has ':'), a component (has '/') or a package.
        if word.contains(":") {
          data = word
        } else if let parsed = ComponentName(parsing: word) {
          component = parsed
        } else {
          package = word
        }
      }
    }
  }

  private mutating func extra(_ words: inout ArraySlice<String>, _ make: (String) -> Broadcast.Extra?) {
    guard let key = words.popFirst(), let raw = words.popFirst() else {
      error = "Error: No argument expected after extra"
      return
    }
    guard let value = make(raw) else {
      error = "Error: Invalid value for extra \(key): \(raw)"
      return
    }
    extras[key] = value
  }

  /// `Intent { act=… cat=[…] dat=… typ=… flg=0x… pkg=… cmp=… (has extras) }`, as
  /// Intent.toShortString prints it; http(s) data is shortened by Uri.toSafeString.
  func description(extraFlags: UInt32 = 0) -> String {
    var fields: [String] = []
    if let action { fields.append("act=\(action)") }
    if !categories.isEmpty { fields.append("cat=[\(categories.joined(separator: ","))]") }
    if let data { fields.append("dat=\(Self.safeString(data))") }
    if let mimeType { fields.append("typ=\(mimeType)") }
    let allFlags = flags | extraFlags
    if allFlags != 0 { fields.append("flg=0x\(String(allFlags, radix: 16))") }
    if let package { fields.append("pkg=\(package)") }
    if let component { fields.append("cmp=\(component.shortString)") }
    if !extras.isEmpty { fields.append("(has extras)") }
    return "Intent { \(fields.joined(separator: " ")) }"
  }

  /// Uri.toSafeString: web URIs keep scheme and host only.
  static func safeString(_ uri: String) -> String {
    for scheme in ["http://", "https://"] where uri.hasPrefix(scheme) {
      let rest = uri.dropFirst(scheme.count)
      let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
      return scheme + host + (host.count < rest.count ? "/..." : "")
    }
    return uri
  }
}
