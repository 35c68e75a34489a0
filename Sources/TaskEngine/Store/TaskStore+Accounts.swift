internal import GRDB

/// A row of the `account` table.
struct AccountRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
  static let databaseTableName = "account"

  var id: Int64?
  var username: String
  var serial: String?
  var enabled: Bool
  var createdAt: String

  enum CodingKeys: String, CodingKey {
    case id, username, serial, enabled
    case createdAt = "created_at"
  }

  mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

  var account: Account {
    Account(id: Int(id ?? 0), username: username, serial: serial, enabled: enabled, createdAt: createdAt)
  }
}

extension TaskStore {
  /// Accounts by username, optionally only those bound to `serial`.
  func accounts(serial: String?) async throws -> [Account] {
    try await writer.read { db in
      var request = AccountRow.order(Column("username"))
      if let serial { request = request.filter(Column("serial") == serial) }
      return try request.fetchAll(db).map(\.account)
    }
  }

  /// Adds an account.
  /// - Throws: ``TaskEngineError/Code/invalidParameter`` when the username is taken.
  func addAccount(username: String, serial: String?, enabled: Bool, at time: String) async throws -> Account {
    try await writer.write { db in
      guard try AccountRow.filter(Column("username") == username).fetchCount(db) == 0 else {
        throw TaskEngineError.invalid("username", "an account named \(username.debugDescription) exists already")
      }
      var row = AccountRow(id: nil, username: username, serial: serial, enabled: enabled, createdAt: time)
      try row.insert(db)
      return row.account
    }
  }

  /// Changes an account's binding or enabled flag.
  func updateAccount(username: String, _ update: AccountUpdate) async throws -> Account {
    try await writer.write { db in
      guard var row = try AccountRow.filter(Column("username") == username).fetchOne(db) else {
        throw Self.noAccount(username)
      }
      if let serial = update.serial { row.serial = serial }
      if let enabled = update.enabled { row.enabled = enabled }
      try row.update(db)
      return row.account
    }
  }

  /// Removes an account (its tasks keep their username).
  func deleteAccount(username: String) async throws {
    try await writer.write { db in
      guard try AccountRow.filter(Column("username") == username).deleteAll(db) > 0 else {
        throw Self.noAccount(username)
      }
    }
  }

  static func noAccount(_ username: String) -> TaskEngineError {
    TaskEngineError(.notFound, field: "username", "no account is named \(username.debugDescription)")
  }
}
