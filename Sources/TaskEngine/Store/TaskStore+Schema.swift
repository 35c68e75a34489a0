internal import GRDB

extension TaskStore {
  /// The schema's migrations. A shipped migration is never modified; changes are new ones.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: tasks, logs, devices, accounts, job counters") { db in
      try db.create(table: "task") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("serial", .text).notNull()
        table.column("username", .text)
        table.column("script_name", .text).notNull()
        table.column("script_config", .text).notNull()
        table.column("status", .integer).notNull().defaults(to: 0)
        table.column("source", .text).notNull()
        // Local date-times "YYYY-MM-DD HH:MM:SS", as the API shows them.
        table.column("start_time", .text)
        table.column("created_at", .text).notNull()
        table.column("started_at", .text)
        table.column("end_time", .text)
        table.column("retry_count", .integer).notNull().defaults(to: 0)
        table.column("remark", .text).notNull().defaults(to: "")
        table.column("result", .text)
        table.column("failure_code", .text)
        table.column("enable_multi_account", .boolean).notNull().defaults(to: false)
        table.column("min_interval", .double).notNull().defaults(to: 0)
        table.column("max_interval", .double).notNull().defaults(to: 0)
        // Scheduling: seconds since 1970 when the task may start.
        table.column("due_at", .double).notNull()
      }
      // The scheduler's queries: which devices have due tasks, and each one's next.
      try db.create(index: "task_on_status_due_at", on: "task", columns: ["status", "due_at", "serial"])
      try db.create(index: "task_on_serial_status_due_at", on: "task", columns: ["serial", "status", "due_at", "id"])
      // Listing newest first, filtered by status or script, without sorting every match.
      try db.create(index: "task_on_status_id", on: "task", columns: ["status", "id"])
      try db.create(index: "task_on_script_name_id", on: "task", columns: ["script_name", "id"])
      try db.create(table: "task_log") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("task_id", .integer).notNull().indexed().references("task", onDelete: .cascade)
        table.column("time", .text).notNull()
        table.column("message", .text).notNull()
      }
      try db.create(table: "device") { table in
        table.primaryKey("serial", .text)
        table.column("model", .text)
        table.column("source", .text).notNull()
        table.column("first_seen", .text).notNull()
        table.column("last_seen", .text).notNull()
      }
      try db.create(table: "account") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("username", .text).notNull().unique()
        table.column("serial", .text).indexed()
        table.column("enabled", .boolean).notNull().defaults(to: true)
        table.column("created_at", .text).notNull()
      }
      try db.create(table: "job_counter") { table in
        table.primaryKey("script_name", .text)
        table.column("job_count", .integer).notNull().defaults(to: 0)
      }
    }
    return migrator
  }
}
