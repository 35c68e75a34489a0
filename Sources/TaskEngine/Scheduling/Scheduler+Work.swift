import ADB

extension Scheduler {
  /// How a flow ended, as first observed.
  enum Ending: Sendable {
    case finished(TaskOutcome)
    case failed(any Error)
    case stopped(TaskFailure)
    /// The engine is shutting down: the task stays `running` and start-up recovery marks it.
    case shutdown
  }

  /// Runs one claimed task: its flow races its stop signal; the first to end is recorded at
  /// once, then the device is freed when the flow has really returned.
  func work(_ item: WorkItem) async {
    let row = item.row
    guard let script = scripts[row.scriptName] else {
      await record(
        .stopped(TaskFailure(code: "unknown_script", message: "script \(row.scriptName) is not available")), of: item)
      return release(item.running)
    }
    guard let device = item.device else {
      await record(.stopped(.deviceOffline), of: item)
      return release(item.running)
    }
    let (store, clock, id) = (store, clock, row.taskID)
    let run = TaskRun(
      taskID: id, serial: row.serial, username: row.username, device: device, config: row.record.scriptConfig,
      log: { message in try? await store.appendLog(id, time: clock.nowText(), message: message) })
    let stop = item.running.stop
    await withTaskGroup(of: Ending.self) { group in
      group.addTask {
        do {
          return .finished(try await script.run(run))
        } catch {
          return .failed(error)
        }
      }
      group.addTask {
        guard let failure = await stop.wait() else { return .shutdown }
        return .stopped(failure)
      }
      let first = await group.next() ?? .shutdown
      group.cancelAll()
      await record(first, of: item)
    }
    release(item.running)
  }

  /// Stores the end of a task and tells its stoppers.
  private func record(_ ending: Ending, of item: WorkItem) async {
    guard !Task.isCancelled else { return }
    let id = item.row.taskID
    let time = clock.nowText()
    switch ending {
    case .finished(let outcome):
      _ = try? await store.finish(
        id, status: .completed, remark: outcome.remark, result: outcome.result, failureCode: nil, at: time)
    case .failed(let error):
      let failure = await failure(for: error, of: item)
      _ = try? await store.finish(
        id, status: .failed, remark: failure.message, result: nil, failureCode: failure.code, at: time)
    case .stopped(let failure):
      _ = try? await store.finish(
        id, status: .failed, remark: failure.message, result: nil, failureCode: failure.code, at: time)
    case .shutdown:
      return
    }
    item.running.recorded.fulfil(())
  }

  /// The failure a flow's error stands for: a stop that raced it wins; an error while the
  /// device is gone is "device offline" whatever layer reported it.
  private func failure(for error: any Error, of item: WorkItem) async -> TaskFailure {
    if let requested = item.running.stop.value { return requested }
    let serial = item.row.serial
    // A dropped native connection is offline now, before the health check sees it, so the
    // device's next task waits instead of failing the same way.
    if let connection = item.device as? DeviceConnection, await !connection.isConnected {
      registry.markOffline(serial: serial, ifStill: connection)
      return .deviceOffline
    }
    let failure = TaskFailure.from(error)
    if failure.code == TaskFailure.deviceOfflineCode || !registry.isOnline(serial) { return .deviceOffline }
    return failure
  }
}
