import Synchronization

/// Broadcasts task status changes to every subscriber, in the order they were published.
final class EventHub: Sendable {
  /// Events a slow subscriber may fall behind by before the oldest are dropped.
  static let bufferLimit = 100_000

  private struct State {
    var subscribers: [Int: AsyncStream<TaskEvent>.Continuation] = [:]
    var nextID = 0
    var finished = false
  }
  private let state = Mutex(State())

  /// A new stream of the events published from now on; it ends when the engine stops.
  func subscribe() -> AsyncStream<TaskEvent> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: TaskEvent.self, bufferingPolicy: .bufferingNewest(Self.bufferLimit))
    let id: Int? = state.withLock { state in
      guard !state.finished else { return nil }
      state.nextID += 1
      state.subscribers[state.nextID] = continuation
      return state.nextID
    }
    guard let id else {
      continuation.finish()
      return stream
    }
    continuation.onTermination = { [weak self] _ in
      _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
    }
    return stream
  }

  /// Delivers `events` to every subscriber. Callers publish from the database writer's
  /// commit hook, which serializes them.
  func publish(_ events: [TaskEvent]) {
    let subscribers = state.withLock { Array($0.subscribers.values) }
    for subscriber in subscribers {
      for event in events { subscriber.yield(event) }
    }
  }

  /// Ends every stream (the engine stopped); later subscribers get an ended stream.
  func finishAll() {
    let subscribers = state.withLock { state in
      state.finished = true
      defer { state.subscribers.removeAll() }
      return Array(state.subscribers.values)
    }
    for subscriber in subscribers { subscriber.finish() }
  }

  /// Makes the hub accept subscribers again (the engine runs again).
  func reopen() {
    state.withLock { $0.finished = false }
  }
}
