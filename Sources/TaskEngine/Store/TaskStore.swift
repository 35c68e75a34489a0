import Foundation
internal import GRDB

/// The engine's SQLite database: tasks, their logs, devices, accounts and job counters.
///
/// One writer per process. A file database is a `DatabasePool`: WAL mode, one serialized
/// writer, and readers that never wait for it, so listing 100,000 tasks does not hold up the
/// workers that record progress. The in-memory database of tests is a `DatabaseQueue`
/// (a pool needs a file). Every change of several rows is one transaction, and commits are
/// `synchronous = FULL`, so a task the API accepted survives a crash or a power cut.
struct TaskStore: Sendable {
  let writer: any DatabaseWriter
  /// Where committed status changes are announced.
  let events: EventHub

  /// Opens (creating if needed) and migrates the database.
  init(storage: TaskEngine.Configuration.Storage, events: EventHub) throws(TaskEngineError) {
    var configuration = GRDB.Configuration()
    configuration.busyMode = .timeout(10)
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      switch storage {
      case .inMemory:
        writer = try DatabaseQueue(configuration: configuration)
      case .file(let path):
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        writer = try DatabasePool(path: path, configuration: configuration)
      }
      try Self.migrator.migrate(writer)
    } catch {
      throw TaskEngineError.storage("opening the database", error)
    }
    self.events = events
  }

  /// Announces `events` once the current transaction commits (never when it rolls back), in
  /// commit order: the writer serializes transactions, so subscribers see each task's changes
  /// in the order they happened.
  func publishOnCommit(_ events: [TaskEvent], in db: Database) {
    guard !events.isEmpty else { return }
    let hub = self.events
    db.afterNextTransaction { _ in hub.publish(events) }
  }
}
