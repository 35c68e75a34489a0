import Foundation

extension TaskEngine {
  /// How long a stop waits for the flow to record its end before recording it itself
  /// (issue 7: a stopped task ends within 2 s).
  static let stopGrace = Duration.milliseconds(1500)

  /// Stops a running task (cancelling its flow) or cancels a pending one; either ends failed
  /// with remark "stopped".
  /// - Returns: the task as it ended.
  /// - Throws: ``TaskEngineError``: `notFound`; `invalidState` when it has ended already.
  @discardableResult
  public func stop(id: Int) async throws(TaskEngineError) -> TaskRecord {
    try await end(id, with: .stopped)
    return try await task(id: id).task
  }

  /// Ends a task with `failure`: a running one through its flow, a pending one directly.
  private func end(_ id: Int, with failure: TaskFailure) async throws(TaskEngineError) {
    let (store, clock) = (self.store, self.clock)
    if let running = scheduler.running(taskID: id) {
      running.stop.fulfil(failure)
      _ = await running.recorded.wait(timeout: Self.stopGrace)
      // A flow that ignores cancellation keeps its device busy, but the task ends now.
      _ = try await storing("stopping a task") {
        try await store.finish(
          id, status: .failed, remark: failure.message, result: nil, failureCode: failure.code, at: clock.nowText())
      }
      return
    }
    let wasPending = try await storing("stopping a task") {
      try await store.failPending(id, failure: failure, at: clock.nowText())
    }
    if wasPending { return }
    guard let row = try await storing("stopping a task", { try await store.task(id) }) else { throw .noTask(id) }
    let status = TaskStatus(rawValue: row.status) ?? .failed
    guard status == .running else {
      throw TaskEngineError(.invalidState, field: "id", "task \(id) has already ended (\(status.text))")
    }
    // Running in the database with no flow in this process: end it here.
    _ = try await storing("stopping a task") {
      try await store.finish(
        id, status: .failed, remark: failure.message, result: nil, failureCode: failure.code, at: clock.nowText())
    }
  }

  /// Puts a failed task back to pending with `retry_count` + 1; it runs as soon as its device is free.
  /// - Returns: the task, pending again.
  /// - Throws: ``TaskEngineError``: `notFound`; `invalidState` when it is not failed or has
  ///   reached ``Configuration/maxRetryCount``.
  @discardableResult
  public func retry(id: Int) async throws(TaskEngineError) -> TaskRecord {
    let (store, clock, limit) = (self.store, self.clock, configuration.maxRetryCount)
    let row = try await storing("retrying a task") {
      try await store.retry(
        id, due: clock.now().timeIntervalSince1970, at: clock.nowText(), maxRetryCount: limit)
    }
    scheduler.wakeup.signal()
    return row.record
  }

  /// Puts every failed task that may still be retried back to pending.
  /// - Returns: how many were retried.
  @discardableResult
  public func retryAll() async throws(TaskEngineError) -> Int {
    let (store, clock, limit) = (self.store, self.clock, configuration.maxRetryCount)
    let count = try await storing("retrying tasks") {
      try await store.retryAll(due: clock.now().timeIntervalSince1970, at: clock.nowText(), maxRetryCount: limit)
    }
    scheduler.wakeup.signal()
    return count
  }

  /// Deletes a task with its log, stopping it first if it runs.
  /// - Throws: ``TaskEngineError/Code/notFound``.
  public func delete(id: Int) async throws(TaskEngineError) {
    try await delete(ids: [id])
  }

  /// Deletes tasks with their logs, stopping running ones first. Every id must exist:
  /// otherwise nothing is deleted.
  /// - Returns: how many were deleted.
  /// - Throws: ``TaskEngineError``: `notFound` naming the unknown ids; `invalidParameter` for an empty list.
  @discardableResult
  public func delete(ids: [Int]) async throws(TaskEngineError) -> Int {
    let unique = Array(Set(ids)).sorted()
    guard !unique.isEmpty else { throw .invalid("task_ids", "give at least one task id") }
    let store = self.store
    // Pending and ended tasks go at once (a pending one can no longer be claimed); running
    // ones are stopped, then deleted.
    let running = try await storing("deleting tasks") { try await store.deleteIdle(unique) }
    for id in running {
      do {
        try await end(id, with: .stopped)
      } catch  where error.code == .invalidState || error.code == .notFound {
        // It ended (or went) meanwhile: delete it all the same.
      }
    }
    if !running.isEmpty {
      try await storing("deleting tasks") { try await store.delete(running) }
    }
    return unique.count
  }
}
