import NIOCore
import Synchronization

/// Lets senders wait until a channel can take more bytes, as `NIOAsyncChannel`'s writer does:
/// they resume when the buffer falls below the low watermark, not when it is empty, so the
/// socket never runs dry while a fast sender waits.
final class WritabilityGate: Sendable {
  private struct State {
    var writable = true
    var closed = false
    var waiters: [CheckedContinuation<Void, any Error>] = []
  }

  private let state = Mutex(State())

  /// Returns at once while the channel is writable; otherwise waits for it to become writable.
  /// - Throws: `ChannelError.ioOnClosedChannel` once the channel is closed.
  func waitUntilWritable() async throws {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      let outcome: Result<Void, any Error>? = state.withLock { state in
        if state.closed { return .failure(ChannelError.ioOnClosedChannel) }
        if state.writable { return .success(()) }
        state.waiters.append(continuation)
        return nil
      }
      if let outcome { continuation.resume(with: outcome) }
    }
  }

  /// Records a writability change (from the event loop).
  func setWritable(_ writable: Bool) {
    let woken = state.withLock { state in
      state.writable = writable
      guard writable else { return [CheckedContinuation<Void, any Error>]() }
      defer { state.waiters.removeAll() }
      return state.waiters
    }
    for waiter in woken { waiter.resume() }
  }

  /// Fails every waiter, now and later: the channel is gone.
  func close() {
    let woken = state.withLock { state in
      state.closed = true
      defer { state.waiters.removeAll() }
      return state.waiters
    }
    for waiter in woken { waiter.resume(throwing: ChannelError.ioOnClosedChannel) }
  }
}
