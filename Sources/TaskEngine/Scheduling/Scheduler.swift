import ADB
import Foundation
import Synchronization

/// Hands each device its next due task: one task at a time per device, every device in
/// parallel, at most ``maxConcurrent`` devices at once (0 = no cap).
///
/// The loop wakes on every change that can start a task (a task created, retried or ended, a
/// device online) and at least every ``pollInterval``, so a task due at a given time starts
/// within that interval of it. Each started task runs in a child task of the loop's task group
/// (structured: cancelling ``run()`` cancels every flow).
final class Scheduler: Sendable {
  /// The longest the loop sleeps without a signal (API.md: due tasks start within 1 s).
  static let pollInterval = Duration.milliseconds(250)

  /// A task running on a device, and how to stop it.
  struct Running: Sendable {
    let taskID: Int
    let serial: String
    /// Set to the failure to record (stopped, device offline) to cancel the flow.
    let stop = OneShot<TaskFailure>()
    /// Set once the task's end is in the database.
    let recorded = OneShot<Void>()
  }

  private struct State {
    /// By serial: one task per device.
    var running: [String: Running] = [:]
    /// When each device's last task ended, for `min_interval`/`max_interval`.
    var lastEnd: [String: Date] = [:]
    /// The pause drawn for a task: not before `until`, drawn after the device's end `after`.
    var pauses: [Int: (after: Date, until: Date)] = [:]
  }

  let store: TaskStore
  let registry: DeviceRegistry
  let scripts: ScriptRegistry
  let clock: LocalClock
  let maxConcurrent: Int
  let wakeup = Wakeup()
  private let state = Mutex(State())

  init(store: TaskStore, registry: DeviceRegistry, scripts: ScriptRegistry, clock: LocalClock, maxConcurrent: Int) {
    self.store = store
    self.registry = registry
    self.scripts = scripts
    self.clock = clock
    self.maxConcurrent = maxConcurrent
  }

  /// Starts due tasks until cancelled; returns once every flow it started has ended.
  func run() async {
    await withDiscardingTaskGroup { group in
      while !Task.isCancelled {
        for item in await startDueTasks() {
          group.addTask { await self.work(item) }
        }
        await wakeup.wait(timeout: Self.pollInterval)
      }
    }
  }

  // MARK: - Events

  /// A device came online (tasks may start) or went offline (its running task fails).
  func deviceChanged(_ serial: String, online: Bool) {
    if !online {
      let running = state.withLock { $0.running[serial] }
      running?.stop.fulfil(.deviceOffline)
    }
    wakeup.signal()
  }

  /// The running task with `id`, if it runs in this process.
  func running(taskID id: Int) -> Running? {
    state.withLock { $0.running.values.first { $0.taskID == id } }
  }

  /// The running task of each busy device.
  var runningTaskIDs: [String: Int] {
    state.withLock { $0.running.mapValues(\.taskID) }
  }

  // MARK: - Starting

  /// A claimed task and what it runs on.
  struct WorkItem: Sendable {
    let row: TaskRow
    let running: Running
    let device: (any ADBDevice)?
  }

  /// Claims the next due task of every free online device, within the cap.
  private func startDueTasks() async -> [WorkItem] {
    let now = clock.now()
    let (busy, runningCount) = state.withLock { (Set($0.running.keys), $0.running.count) }
    let capacity = maxConcurrent > 0 ? maxConcurrent - runningCount : Int.max
    guard capacity > 0 else { return [] }
    let free = registry.onlineSerials.subtracting(busy)
    guard let due = try? await store.dueTasks(among: free, now: now.timeIntervalSince1970) else { return [] }
    let chosen = Array(due.filter { !isPaused($0, now: now) }.prefix(capacity))
    guard !chosen.isEmpty else { return [] }
    // Reserve before claiming, so a stop that arrives meanwhile finds the task.
    let reservations = chosen.map { Running(taskID: $0.taskID, serial: $0.serial) }
    state.withLock { state in
      for reservation in reservations { state.running[reservation.serial] = reservation }
    }
    let claimed = (try? await store.claim(chosen.map(\.taskID), at: clock.format(now))) ?? []
    let claimedIDs = Set(claimed.map(\.taskID))
    state.withLock { state in
      for reservation in reservations where !claimedIDs.contains(reservation.taskID) {
        state.running[reservation.serial] = nil
      }
      for id in claimedIDs { state.pauses[id] = nil }
    }
    return zip(chosen, reservations).compactMap { row, reservation in
      guard let claimedRow = claimed.first(where: { $0.taskID == row.taskID }) else { return nil }
      return WorkItem(
        row: claimedRow, running: reservation,
        device: registry.onlineDevice(row.serial))
    }
  }

  /// Whether the task's `min_interval`/`max_interval` pause since its device's last task is still on.
  private func isPaused(_ row: TaskRow, now: Date) -> Bool {
    guard row.maxInterval > 0 else { return false }
    return state.withLock { state in
      guard let lastEnd = state.lastEnd[row.serial] else { return false }
      if let pause = state.pauses[row.taskID], pause.after == lastEnd { return now < pause.until }
      let minutes = Double.random(in: row.minInterval...row.maxInterval)
      let until = lastEnd.addingTimeInterval(minutes * 60)
      state.pauses[row.taskID] = (lastEnd, until)
      return now < until
    }
  }

  /// Frees the device once the flow has really returned.
  func release(_ running: Running) {
    let now = clock.now()
    state.withLock { state in
      if state.running[running.serial]?.taskID == running.taskID { state.running[running.serial] = nil }
      state.lastEnd[running.serial] = now
    }
    running.recorded.fulfil(())
    wakeup.signal()
  }
}
