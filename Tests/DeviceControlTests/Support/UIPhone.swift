import ADB
import DeviceControl
import InteropSupport
import Synchronization
import VirtualPhone

/// A virtual phone reached natively, wrapped in a ``UIDevice`` with a test clock.
enum UIPhone {
  /// Serves one phone, connects to it and runs `body`; everything is stopped afterwards.
  static func with<T>(
    options: UIDevice.Options = fastOptions, prepare: (VirtualPhone) -> Void = { _ in },
    _ body: (UIDevice, VirtualPhone) async throws -> T
  ) async throws -> T {
    try await PhoneFixture.with { phones in
      let phone = phones.phones[0]
      phone.system.setDumpBehaviour(.instant)
      prepare(phone)
      let connection = try await DeviceConnection.connect(host: phones.host, port: phones.ports[0])
      let ui = UIDevice(connection, options: options, clock: TestClock())
      do {
        let result = try await body(ui, phone)
        await connection.close()
        return result
      } catch {
        await connection.close()
        throw error
      }
    }
  }

  /// Options for tests: seeded jitter, no screenshots unless asked.
  static var fastOptions: UIDevice.Options {
    var options = UIDevice.Options()
    options.seed = 42
    options.defaultTimeout = .seconds(2)
    return options
  }
}

/// A clock whose sleeps pass at once, advancing its time: waits run without real waiting.
final class TestClock: UIClock {
  private let elapsed = Mutex(Duration.zero)

  func now() -> Duration { elapsed.withLock { $0 } }

  func sleep(for duration: Duration) async throws {
    elapsed.withLock { $0 += duration }
    await Task.yield()
  }
}
