import NIOCore
import Synchronization

/// One phone's `adb reverse` forwards, like adbd's `listener_list` (AOSP `adb_listeners.cpp`).
///
/// Each forward belongs to the host connection that created it and goes away with it: when the
/// connection closes or a new CNXN resets it, its forwards are dropped and their listeners
/// closed (adbd registers `listener_disconnect` with the transport). Listing, removing one and
/// removing all act on every connection's forwards, as adbd's do.
final class ReverseForwards: Sendable {
  /// One forward.
  struct Rule: Sendable {
    /// The phone's side: `tcp:PORT` (the bound port, never `tcp:0`) or a local socket name.
    var device: String
    /// The host's side, e.g. `tcp:8080`: what the phone's OPEN asks the host to connect to.
    var host: String
    /// The connection that created the forward (``PhoneTransport/connectionID``).
    var owner: ObjectIdentifier
    /// The listening socket of a `tcp:` forward; nil for local sockets, which the virtual phone
    /// only records.
    var listener: (any Channel)?
  }

  /// The name adbd gives the host's transport in `list-forward`.
  static let transportName = "host"

  private let rules = Mutex<[Rule]>([])

  /// Creates an empty table.
  init() {}

  /// `list-forward`'s text: a `transport device host` line per forward, oldest first.
  var listing: String {
    rules.withLock { $0.map { "\(Self.transportName) \($0.device) \($0.host)\n" }.joined() }
  }

  /// Every forward, oldest first.
  var all: [Rule] { rules.withLock { $0 } }

  /// The forward listening on `device`.
  func rule(device: String) -> Rule? {
    rules.withLock { $0.first { $0.device == device } }
  }

  /// Where connections accepted by `listener` go on the host, or nil when it is no longer a forward's.
  func host(forListener listener: any Channel) -> String? {
    let id = ObjectIdentifier(listener)
    return rules.withLock { rules in
      rules.first { $0.listener.map(ObjectIdentifier.init) == id }?.host
    }
  }

  /// Adds a forward, or replaces the one on the same device.
  func insert(_ rule: Rule) {
    rules.withLock { rules in
      if let index = rules.firstIndex(where: { $0.device == rule.device }) {
        rules[index] = rule
      } else {
        rules.append(rule)
      }
    }
  }

  /// Removes the forward on `device` and closes its listener.
  /// - Returns: the removed forward, nil when there was none.
  @discardableResult
  func remove(device: String) -> Rule? {
    let removed = rules.withLock { rules -> Rule? in
      guard let index = rules.firstIndex(where: { $0.device == device }) else { return nil }
      return rules.remove(at: index)
    }
    removed?.listener?.close(promise: nil)
    return removed
  }

  /// Removes every forward (`killforward-all`) and closes their listeners.
  func removeAll() {
    let removed = rules.withLock { rules in
      defer { rules.removeAll() }
      return rules
    }
    close(removed)
  }

  /// Removes the forwards of one connection, which has closed or been reset.
  func removeAll(ownedBy owner: ObjectIdentifier) {
    let removed = rules.withLock { rules in
      defer { rules.removeAll { $0.owner == owner } }
      return rules.filter { $0.owner == owner }
    }
    close(removed)
  }

  private func close(_ removed: [Rule]) {
    for rule in removed { rule.listener?.close(promise: nil) }
  }
}
