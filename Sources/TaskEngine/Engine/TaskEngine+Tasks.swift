extension TaskEngine {
  /// Creates the tasks of a request, all or none, in one transaction.
  ///
  /// Fan-out: each executor (a device, each enabled account of a device with
  /// `enableMultiAccount`, or each account's bound device) gets the tasks its script plans
  /// (follow: one per target user).
  /// - Returns: the new tasks' ids, in creation order.
  /// - Throws: ``TaskEngineError``: `missingScriptName`; `unknownScript`; `invalidParameter`
  ///   naming the field (`serials`, `usernames`, `start_time`, `script_config.KEY`, …).
  public func create(_ request: CreateRequest) async throws(TaskEngineError) -> [Int] {
    let validated = try request.validated(scripts: scripts, clock: clock)
    let planner = TaskPlanner(request: validated, liveSerials: devices.knownSerials, now: clock.nowText())
    let store = self.store
    let ids = try await storing("creating tasks") {
      try await store.create(planner)
    }
    scheduler.wakeup.signal()
    return ids
  }

  /// One task with its log lines and result.
  /// - Throws: ``TaskEngineError/Code/notFound``.
  public func task(id: Int) async throws(TaskEngineError) -> TaskDetail {
    let store = self.store
    guard let detail = try await storing("reading a task", { try await store.detail(id) }) else {
      throw .noTask(id)
    }
    return detail
  }

  /// A page of tasks matching the filters, newest first.
  public func tasks(matching query: TaskQuery) async throws(TaskEngineError) -> TaskPage {
    let store = self.store
    return try await storing("listing tasks") { try await store.page(query) }
  }

  /// Counts by status.
  public func stats() async throws(TaskEngineError) -> TaskStats {
    let store = self.store
    return try await storing("counting tasks") { try await store.stats() }
  }
}
