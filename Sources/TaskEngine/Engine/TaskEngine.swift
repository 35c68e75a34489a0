import Foundation

/// Tasks in SQLite, fanned out from create requests, scheduled one at a time per device on
/// every device at once, with stop, retry, delete, statistics and a stream of status changes.
///
/// The engine knows no script: a higher layer registers its scripts. Opening an engine marks
/// tasks a previous process left `running` as failed "interrupted by restart"; ``run()``
/// schedules and follows the device sources until cancelled.
///
/// ```swift
/// let engine = try TaskEngine(
///   configuration: .init(storage: .file(path), deviceSources: [.adbServer(ADBServerAddress())]),
///   scripts: ScriptRegistry([FollowScript(), UnfollowScript()]))
/// async let running: Void = engine.run()
/// let ids = try await engine.create(CreateRequest(serials: ["phone-1"], scriptName: "follow",
///                                                 scriptConfig: ["target_user": "alice"]))
/// ```
public final class TaskEngine: Sendable {
  /// The configuration the engine was opened with.
  public let configuration: Configuration
  /// The registered scripts.
  public let scripts: ScriptRegistry
  /// The devices tasks run on.
  public let devices: DeviceRegistry
  /// How many `running` tasks of a previous process were marked "interrupted by restart" at opening.
  public let recoveredTaskCount: Int

  let store: TaskStore
  let scheduler: Scheduler
  let hub: EventHub
  let clock: LocalClock

  /// Opens the database (migrating it), recovers interrupted tasks, and prepares the scheduler.
  /// - Throws: ``TaskEngineError/Code/storageFailure`` when the database cannot be opened.
  public init(configuration: Configuration, scripts: ScriptRegistry) throws(TaskEngineError) {
    self.configuration = configuration
    self.scripts = scripts
    let hub = EventHub()
    let clock = LocalClock(timeZone: configuration.timeZone, now: configuration.now)
    let store = try TaskStore(storage: configuration.storage, events: hub)
    do {
      recoveredTaskCount = try store.recoverInterrupted(at: clock.nowText())
    } catch {
      throw TaskEngineError.storage("recovering interrupted tasks", error)
    }
    let devices = DeviceRegistry(store: store, clock: clock)
    let scheduler = Scheduler(
      store: store, registry: devices, scripts: scripts, clock: clock, maxConcurrent: configuration.maxConcurrent)
    devices.onChange { serial, online in scheduler.deviceChanged(serial, online: online) }
    self.hub = hub
    self.clock = clock
    self.store = store
    self.devices = devices
    self.scheduler = scheduler
  }

  /// Schedules tasks and follows the configured device sources until the calling task is
  /// cancelled; then cancels every running flow and returns once they have ended (their tasks
  /// stay `running` and the next opening marks them "interrupted by restart").
  /// Event streams end when this returns.
  public func run() async {
    hub.reopen()
    await withDiscardingTaskGroup { group in
      group.addTask {
        await self.devices.run(
          sources: self.configuration.deviceSources, options: self.configuration.connectionOptions,
          healthInterval: self.configuration.healthCheckInterval)
      }
      group.addTask { await self.scheduler.run() }
    }
    hub.finishAll()
  }

  /// Task status changes from now on, in the order they were committed: `pending` when created
  /// or retried, `running`, then `completed` or `failed`. The stream ends when ``run()`` returns.
  public func events() -> AsyncStream<TaskEvent> {
    hub.subscribe()
  }

  /// Runs `body` on the store, mapping database errors to ``TaskEngineError``.
  func storing<T>(_ doing: String, _ body: () async throws -> T) async throws(TaskEngineError) -> T {
    do {
      return try await body()
    } catch {
      throw TaskEngineError.storage(doing, error)
    }
  }
}
