internal import GRDB

/// A device the engine has seen, as remembered across restarts.
struct DeviceRow: Codable, FetchableRecord, PersistableRecord, Sendable {
  static let databaseTableName = "device"

  var serial: String
  var model: String?
  var source: String
  var firstSeen: String
  var lastSeen: String

  enum CodingKeys: String, CodingKey {
    case serial, model, source
    case firstSeen = "first_seen"
    case lastSeen = "last_seen"
  }
}

extension TaskStore {
  /// Records that `serial` was seen now (keeping when it was first seen).
  func saveDevice(serial: String, model: String?, source: String, at time: String) async throws {
    try await writer.write { db in
      try db.execute(
        sql: """
          INSERT INTO device (serial, model, source, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(serial) DO UPDATE SET model = COALESCE(excluded.model, model), source = excluded.source,
            last_seen = excluded.last_seen
          """, arguments: [serial, model, source, time, time])
    }
  }

  /// Every device ever seen.
  func savedDevices() async throws -> [DeviceRow] {
    try await writer.read { db in try DeviceRow.order(Column("serial")).fetchAll(db) }
  }
}
