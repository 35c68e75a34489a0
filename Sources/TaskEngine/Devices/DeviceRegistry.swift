import ADB
import Synchronization

/// The devices tasks can run on, as the configured sources report them and as callers
/// register them (in-process virtual phones).
///
/// A device that goes away stays listed as offline: its pending tasks wait for it, and the
/// engine fails its running task with "device offline".
///
/// ```swift
/// let phone = try await DeviceConnection.connect(host: "127.0.0.1", port: 5555)
/// await engine.devices.register(serial: "vphone1", device: phone, model: "Virtual", source: "virtual")
/// ```
public final class DeviceRegistry: Sendable {
  /// The state of a device tasks can start on.
  public static let onlineState = "online"
  /// The state of a device that went away.
  public static let offlineState = "offline"

  struct Entry: Sendable {
    var status: DeviceStatus
    var device: (any ADBDevice)?
  }

  private let entries = Mutex<[String: Entry]>([:])
  private let listener = Mutex<(@Sendable (_ serial: String, _ online: Bool) -> Void)?>(nil)
  let store: TaskStore
  let clock: LocalClock

  init(store: TaskStore, clock: LocalClock) {
    self.store = store
    self.clock = clock
  }

  // MARK: - Registering

  /// Adds a device, or brings a known one back online with a new connection.
  /// - Parameters:
  ///   - serial: the name tasks use for it.
  ///   - device: how to reach it.
  ///   - model: its model, for listings.
  ///   - source: what found it (`virtual`, `direct`, …), for listings.
  public func register(serial: String, device: any ADBDevice, model: String? = nil, source: String = "manual") async {
    entries.withLock { entries in
      entries[serial] = Entry(
        status: DeviceStatus(serial: serial, state: Self.onlineState, model: model, source: source), device: device)
    }
    notify(serial, online: true)
    try? await store.saveDevice(serial: serial, model: model, source: source, at: clock.nowText())
  }

  /// Marks a device offline (or in another unusable `state`); its running task fails
  /// "device offline" and its pending tasks wait.
  public func markOffline(serial: String, state: String = DeviceRegistry.offlineState) {
    let wasOnline = entries.withLock { entries in
      guard var entry = entries[serial] else { return false }
      let wasOnline = entry.status.isOnline
      entry.status.state = state == Self.onlineState ? Self.offlineState : state
      // The device value stays: an adb server's device may come back without the tracker
      // saying so, and the health check asks the server about it.
      entries[serial] = entry
      return wasOnline
    }
    if wasOnline { notify(serial, online: false) }
  }

  /// Marks `serial` offline if it is still reached through `connection` (a newer connection
  /// registered since is left alone).
  func markOffline(serial: String, ifStill connection: DeviceConnection) {
    let current = entries.withLock { $0[serial]?.device as? DeviceConnection }
    guard let current, current === connection else { return }
    markOffline(serial: serial)
  }

  /// Forgets a device (it is listed again only when a source or a caller registers it).
  public func remove(serial: String) {
    let removed = entries.withLock { $0.removeValue(forKey: serial) }
    if removed?.status.isOnline == true { notify(serial, online: false) }
  }

  // MARK: - Reading

  /// The devices registered in this process, by serial.
  public var current: [DeviceStatus] {
    entries.withLock { $0.values.map(\.status) }.sorted { $0.serial < $1.serial }
  }

  /// The device to run a task on, when online.
  func onlineDevice(_ serial: String) -> (any ADBDevice)? {
    entries.withLock { entries in
      guard let entry = entries[serial], entry.status.isOnline else { return nil }
      return entry.device
    }
  }

  /// Whether `serial` is online.
  func isOnline(_ serial: String) -> Bool { onlineDevice(serial) != nil }

  /// The serials of online devices.
  var onlineSerials: Set<String> {
    entries.withLock { Set($0.values.filter(\.status.isOnline).map(\.status.serial)) }
  }

  /// Every serial registered in this process.
  var knownSerials: Set<String> { entries.withLock { Set($0.keys) } }

  /// Online connections the health check watches.
  var onlineConnections: [(serial: String, connection: DeviceConnection)] {
    entries.withLock { entries in
      entries.values.compactMap { entry in
        guard entry.status.isOnline, let connection = entry.device as? DeviceConnection else { return nil }
        return (entry.status.serial, connection)
      }
    }
  }

  /// Devices reached through an adb server, online or not, for the server health check.
  var serverDevices: [(serial: String, device: ADBServerDevice, isOnline: Bool)] {
    entries.withLock { entries in
      entries.values.compactMap { entry in
        guard let device = entry.device as? ADBServerDevice else { return nil }
        return (entry.status.serial, device, entry.status.isOnline)
      }
    }
  }

  /// Brings a known device back online with the device value it has.
  func markOnline(serial: String) {
    let cameBack = entries.withLock { entries in
      guard var entry = entries[serial], !entry.status.isOnline, entry.device != nil else { return false }
      entry.status.state = Self.onlineState
      entries[serial] = entry
      return true
    }
    if cameBack { notify(serial, online: true) }
  }

  // MARK: - Changes

  /// Sets who hears of devices coming online and going offline (the scheduler).
  func onChange(_ listener: @escaping @Sendable (_ serial: String, _ online: Bool) -> Void) {
    self.listener.withLock { $0 = listener }
  }

  private func notify(_ serial: String, online: Bool) {
    let listener = self.listener.withLock { $0 }
    listener?(serial, online)
  }
}
