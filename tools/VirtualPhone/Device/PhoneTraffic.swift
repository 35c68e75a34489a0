import Synchronization

/// Counts what hosts have sent a phone's services, so tests can act at a known point of a
/// transfer (for example, stop the phone once a push is under way).
public final class PhoneTraffic: Sendable {
  private let received = Mutex(0)

  /// Creates a counter at zero.
  public init() {}

  /// Stream bytes (WRTE payloads) received from hosts so far.
  public var bytesFromHost: Int { received.withLock { $0 } }

  func recordFromHost(_ count: Int) {
    received.withLock { $0 += count }
  }
}
