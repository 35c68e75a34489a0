import ADB
import Foundation

extension TaskEngine {
  /// How an engine stores tasks, finds devices and schedules.
  public struct Configuration: Sendable {
    /// Where the database lives.
    public enum Storage: Sendable, Hashable {
      /// In memory, gone with the engine (tests, demos).
      case inMemory
      /// A SQLite file (created with its folder when missing), in WAL mode.
      case file(String)
    }

    /// Where the database lives.
    public var storage: Storage
    /// The most devices running a task at once; 0 = no cap.
    public var maxConcurrent: Int
    /// How many times a task may be retried.
    public var maxRetryCount: Int
    /// Where devices come from, besides ``DeviceRegistry/register(serial:device:model:source:)``.
    public var deviceSources: [DeviceSource]
    /// Keys and options for native (direct and USB) connections.
    public var connectionOptions: DeviceConnection.Options
    /// How often native connections are checked for a vanished phone.
    public var healthCheckInterval: Duration
    /// The time zone of stored times and of `start_time`.
    public var timeZone: TimeZone
    /// The clock; tests move it.
    public var now: @Sendable () -> Date

    /// Creates a configuration.
    /// - Parameters:
    ///   - storage: the database.
    ///   - maxConcurrent: the cap on devices running at once; 0 = none.
    ///   - maxRetryCount: how many times a task may be retried (default 3).
    ///   - deviceSources: adb servers, direct addresses, USB.
    ///   - connectionOptions: keys for native connections.
    ///   - healthCheckInterval: how often native connections are checked (default 1 s).
    ///   - timeZone: local time for stored times and `start_time` (default: the system's).
    ///   - now: the clock (default: the system's).
    public init(
      storage: Storage, maxConcurrent: Int = 0, maxRetryCount: Int = 3, deviceSources: [DeviceSource] = [],
      connectionOptions: DeviceConnection.Options = .init(), healthCheckInterval: Duration = .seconds(1),
      timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }
    ) {
      self.storage = storage
      self.maxConcurrent = maxConcurrent
      self.maxRetryCount = maxRetryCount
      self.deviceSources = deviceSources
      self.connectionOptions = connectionOptions
      self.healthCheckInterval = healthCheckInterval
      self.timeZone = timeZone
      self.now = now
    }
  }
}
