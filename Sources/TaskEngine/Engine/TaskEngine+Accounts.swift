import Foundation

extension TaskEngine {
  /// Accounts by username, optionally only those bound to `serial`.
  public func accounts(serial: String? = nil) async throws(TaskEngineError) -> [Account] {
    let store = self.store
    return try await storing("listing accounts") { try await store.accounts(serial: serial) }
  }

  /// Adds an account bound to `serial`.
  /// - Throws: ``TaskEngineError/Code/invalidParameter`` for an empty or taken username.
  @discardableResult
  public func addAccount(username: String, serial: String?, enabled: Bool = true) async throws(TaskEngineError)
    -> Account
  {
    let name = username.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw .invalid("username", "must not be empty") }
    let (store, clock) = (self.store, self.clock)
    let serial = serial.flatMap { $0.isEmpty ? nil : $0 }
    return try await storing("adding an account") {
      try await store.addAccount(username: name, serial: serial, enabled: enabled, at: clock.nowText())
    }
  }

  /// Changes an account's bound device or enabled flag.
  /// - Throws: ``TaskEngineError/Code/notFound``.
  @discardableResult
  public func updateAccount(username: String, _ update: AccountUpdate) async throws(TaskEngineError) -> Account {
    let store = self.store
    return try await storing("updating an account") { try await store.updateAccount(username: username, update) }
  }

  /// Removes an account.
  /// - Throws: ``TaskEngineError/Code/notFound``.
  public func deleteAccount(username: String) async throws(TaskEngineError) {
    let store = self.store
    try await storing("deleting an account") { try await store.deleteAccount(username: username) }
  }

  /// Every device: those registered in this process, then those remembered from earlier runs
  /// (offline), each with its running task.
  public func deviceStatuses() async throws(TaskEngineError) -> [DeviceStatus] {
    let store = self.store
    var statuses = devices.current
    let live = Set(statuses.map(\.serial))
    let saved = try await storing("listing devices") { try await store.savedDevices() }
    statuses += saved.filter { !live.contains($0.serial) }.map {
      DeviceStatus(serial: $0.serial, state: DeviceRegistry.offlineState, model: $0.model, source: $0.source)
    }
    let running = scheduler.runningTaskIDs
    return statuses.map { status in
      var status = status
      status.runningTaskID = running[status.serial]
      return status
    }.sorted { $0.serial < $1.serial }
  }
}
