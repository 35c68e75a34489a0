import Synchronization

/// A value set once and awaited by any number of tasks: a stop request, a worker's end.
final class OneShot<Value: Sendable>: Sendable {
  private struct State {
    var value: Value?
    var waiters: [Int: CheckedContinuation<Value?, Never>] = [:]
    var nextID = 0
  }
  private let state = Mutex(State())

  init() {}

  /// The value, once set.
  var value: Value? { state.withLock { $0.value } }

  /// Sets the value and wakes the waiters; later calls change nothing.
  /// - Returns: whether this call set it.
  @discardableResult
  func fulfil(_ value: Value) -> Bool {
    let waiters: [CheckedContinuation<Value?, Never>]? = state.withLock { state in
      guard state.value == nil else { return nil }
      state.value = value
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    guard let waiters else { return false }
    for waiter in waiters { waiter.resume(returning: value) }
    return true
  }

  /// Waits for the value; nil when the waiting task is cancelled first.
  func wait() async -> Value? {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    return await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
        // Checked under the lock the cancellation handler takes too, so a cancellation either
        // finds the stored continuation or is seen here.
        let immediate: Value?? = state.withLock { state in
          if let value = state.value { return .some(value) }
          if Task.isCancelled { return .some(nil) }
          state.waiters[id] = continuation
          return nil
        }
        if let immediate { continuation.resume(returning: immediate) }
      }
    } onCancel: {
      let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
      waiter?.resume(returning: nil)
    }
  }

  /// Waits for the value at most `timeout`; nil when it did not come in time.
  func wait(timeout: Duration) async -> Value? {
    if let value { return value }
    return await withTaskGroup(of: Value?.self) { group in
      group.addTask { await self.wait() }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first ?? value
    }
  }
}

/// An auto-reset wake-up for one waiting loop: signals while nobody waits are remembered once.
final class Wakeup: Sendable {
  private struct State {
    var pending = false
    var waiter: CheckedContinuation<Void, Never>?
  }
  private let state = Mutex(State())

  /// Wakes the loop now, or at its next wait.
  func signal() {
    let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
      guard let waiter = state.waiter else {
        state.pending = true
        return nil
      }
      state.waiter = nil
      return waiter
    }
    waiter?.resume()
  }

  /// Returns on a signal, after `timeout`, or when the task is cancelled.
  func wait(timeout: Duration) async {
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await self.waitForSignal() }
      group.addTask { try? await Task.sleep(for: timeout) }
      await group.next()
      group.cancelAll()
    }
  }

  private func waitForSignal() async {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let resumeNow = state.withLock { state in
          if state.pending {
            state.pending = false
            return true
          }
          if Task.isCancelled { return true }
          state.waiter = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        defer { state.waiter = nil }
        return state.waiter
      }
      waiter?.resume()
    }
  }
}
