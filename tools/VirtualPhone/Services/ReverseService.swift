import NIOCore
import Synchronization

/// `reverse:forward:…`, `reverse:list-forward`, `reverse:killforward:…`, `reverse:killforward-all`:
/// adbd's side of `adb reverse` (AOSP `adb.cpp` `handle_forward_request`).
///
/// The stream is open (OKAY) once the router accepted it; the service then writes a status:
/// `OKAY` (+ hex4 port when it resolved `tcp:0`), or `FAIL` + hex4 message, and closes. The
/// list is hex4 + lines of `transport local remote`. The phone keeps the table but opens no
/// listener, so it never sends device-initiated OPENs.
final class ReverseService: PhoneService {
  private let command: String
  private let phone: VirtualPhone
  private let output: any ServiceOutput

  /// - Parameter command: the service name without `reverse:`.
  init(command: String, phone: VirtualPhone, output: any ServiceOutput) {
    self.command = command
    self.phone = phone
    self.output = output
  }

  func start() {
    var reply = ByteBuffer()
    switch ReverseTable.shared.handle(command, phone: phone) {
    case .okay(let port):
      reply.writeString("OKAY")
      if let port { Self.writeHexPrefixed(String(port), to: &reply) }
    case .list(let text):
      Self.writeHexPrefixed(text, to: &reply)
    case .fail(let message):
      reply.writeString("FAIL")
      Self.writeHexPrefixed(message, to: &reply)
    }
    output.write(reply)
    output.finish()
  }

  private static func writeHexPrefixed(_ text: String, to buffer: inout ByteBuffer) {
    let length = String(text.utf8.count, radix: 16)
    buffer.writeString(String(repeating: "0", count: max(0, 4 - length.count)) + length)
    buffer.writeString(text)
  }
}

/// Every phone's reverse forwards. Phones are `Sendable` classes without room for it, so the
/// table lives here, keyed by phone identity; entries of phones that are gone are dropped.
final class ReverseTable: Sendable {
  /// The process's table.
  static let shared = ReverseTable()

  /// What the service answers.
  enum Reply: Equatable {
    case okay(port: Int?)
    case list(String)
    case fail(String)
  }

  /// One phone's forwards, in the order they were added.
  private struct Entry {
    weak var phone: VirtualPhone?
    var rules: [(device: String, host: String)] = []
    var nextPort = firstAllocatedPort
  }

  /// Where `tcp:0` allocation starts: inside Linux's default ephemeral range, like a real bind.
  private static let firstAllocatedPort = 32768
  /// The name adbd gives the host's transport in `list-forward`.
  private static let transportName = "host"

  private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

  /// Applies `command` (the service name after `reverse:`) to `phone`'s table.
  func handle(_ command: String, phone: VirtualPhone) -> Reply {
    entries.withLock { entries in
      entries = entries.filter { $0.value.phone != nil }
      let key = ObjectIdentifier(phone)
      var entry = entries[key] ?? Entry(phone: phone)
      defer { entries[key] = entry }
      return Self.apply(command, to: &entry)
    }
  }

  private static func apply(_ command: String, to entry: inout Entry) -> Reply {
    if command == "list-forward" {
      return .list(entry.rules.map { "\(transportName) \($0.device) \($0.host)\n" }.joined())
    }
    if command == "killforward-all" {
      entry.rules.removeAll()
      return .okay(port: nil)
    }
    if command.hasPrefix("killforward:") {
      let device = String(command.dropFirst("killforward:".count))
      guard let index = entry.rules.firstIndex(where: { $0.device == device }) else {
        return .fail("listener '\(device)' not found")
      }
      entry.rules.remove(at: index)
      return .okay(port: nil)
    }
    guard command.hasPrefix("forward:") else { return .fail("unknown reverse request: \(command)") }
    var spec = Substring(command.dropFirst("forward:".count))
    let noRebind = spec.hasPrefix("norebind:")
    if noRebind { spec = spec.dropFirst("norebind:".count) }
    let parts = spec.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, isSocketSpec(parts[0]), isSocketSpec(parts[1]) else {
      return .fail("cannot bind listener: bad socket spec: \(spec)")
    }
    var device = String(parts[0])
    let host = String(parts[1])
    var resolved: Int?
    if device == "tcp:0" {
      while entry.rules.contains(where: { $0.device == "tcp:\(entry.nextPort)" }) { entry.nextPort += 1 }
      resolved = entry.nextPort
      device = "tcp:\(entry.nextPort)"
      entry.nextPort += 1
    }
    if let index = entry.rules.firstIndex(where: { $0.device == device }) {
      guard !noRebind else { return .fail("cannot rebind existing socket") }
      entry.rules[index].host = host
    } else {
      entry.rules.append((device, host))
    }
    return .okay(port: resolved)
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
