/// One `reverse:` request, parsed from the service name after `reverse:` as adbd's
/// `handle_forward_request` reads it (AOSP `adb.cpp`).
enum ReverseRequest: Equatable {
  /// `forward:[norebind:]DEVICE;HOST`.
  case forward(device: String, host: String, noRebind: Bool)
  /// `killforward:DEVICE`.
  case remove(device: String)
  /// `killforward-all`.
  case removeAll
  /// `list-forward`.
  case list
  /// Anything else, with adbd's FAIL text.
  case invalid(String)

  /// Parses `command`, the service name without `reverse:`.
  init(parsing command: String) {
    if command == "list-forward" {
      self = .list
    } else if command == "killforward-all" {
      self = .removeAll
    } else if command.hasPrefix("killforward:") {
      self = .remove(device: String(command.dropFirst("killforward:".count)))
    } else if command.hasPrefix("forward:") {
      var spec = Substring(command.dropFirst("forward:".count))
      let noRebind = spec.hasPrefix("norebind:")
      if noRebind { spec = spec.dropFirst("norebind:".count) }
      let parts = spec.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, Self.isSocketSpec(parts[0]), Self.isSocketSpec(parts[1]) else {
        self = .invalid("cannot bind listener: bad socket spec: \(spec)")
        return
      }
      self = .forward(device: String(parts[0]), host: String(parts[1]), noRebind: noRebind)
    } else {
      self = .invalid("unknown reverse request: \(command)")
    }
  }

  /// The port of a `tcp:PORT` spec, or nil for other specs.
  static func tcpPort(_ spec: String) -> Int? {
    guard spec.hasPrefix("tcp:") else { return nil }
    return Int(spec.dropFirst("tcp:".count))
  }

  /// `tcp:PORT`, `localabstract:NAME`, `localreserved:NAME`, `localfilesystem:PATH`, `local:PATH`.
  private static func isSocketSpec(_ spec: Substring) -> Bool {
    if spec.hasPrefix("tcp:") {
      guard let port = Int(spec.dropFirst("tcp:".count)) else { return false }
      return (0...65535).contains(port)
    }
    let prefixes = ["localabstract:", "localreserved:", "localfilesystem:", "local:"]
    return prefixes.contains { spec.hasPrefix($0) && spec.count > $0.count }
  }
}
