import ADB
import ChildProcess
import InteropSupport
import Synchronization
import Testing
import VirtualPhone

/// `trackDevices()` against Google's adb server: changes arrive, and a server restart is survived.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct TrackDevicesTests {
  @Test func seesAPhoneAppearAndVanish() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClientTests.client(adb)
        let address = phones.addresses[0]
        try await Self.tracking(client) { lists in
          try await lists.waitFor(within: .seconds(2)) { $0.isEmpty }
          try await client.connect(address)
          try await lists.waitFor(within: .seconds(2)) { $0.contains { $0.serial == address && $0.isOnline } }
          await phones.stop(phoneAt: 0)
          // `adb devices` now shows the phone offline, but adb 29 does not tell trackers about a
          // TCP device it is trying to reconnect; removing it is what they hear about.
          try await adb.waitFor(address, state: "offline", timeout: .seconds(2))
          try await client.disconnect(address)
          try await lists.waitFor(within: .seconds(2)) { !$0.contains { $0.serial == address } }
        }
      }
    }
  }

  @Test func keepsTrackingAcrossAServerRestart() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClientTests.client(adb)
        let address = phones.addresses[0]
        try await Self.tracking(client) { lists in
          try await lists.waitFor(within: .seconds(2)) { $0.isEmpty }
          _ = try await adb.run(["kill-server"], timeout: .seconds(15))
          let started = try await adb.run(["start-server"], timeout: .seconds(30))
          #expect(started.status == 0)
          // The new server's list arrives, and so do its changes.
          let before = lists.count
          try await lists.waitFor(within: .seconds(5)) { _ in lists.count > before }
          try await client.connect(address)
          try await lists.waitFor(within: .seconds(2)) { $0.contains { $0.serial == address && $0.isOnline } }
        }
      }
    }
  }

  @Test func endsWithTheServerErrorWhenNoServerAnswers() async throws {
    let port = try freeLoopbackPort()
    let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: port), startsServer: false)
    do {
      for try await _ in client.trackDevices() { Issue.record("no list can come from a missing server") }
      Issue.record("the stream must fail")
    } catch let error as ADBError {
      #expect(error.code == .serverUnavailable)
    }
  }

  /// Runs `body` while a child task records every list the tracker yields; cancelling the
  /// child at the end must end the stream (no leaked producer).
  static func tracking(_ client: ADBServerClient, _ body: (Recorder) async throws -> Void) async throws {
    let recorder = Recorder()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        for try await list in client.trackDevices() { recorder.append(list) }
      }
      do {
        try await body(recorder)
      } catch {
        group.cancelAll()
        throw error
      }
      group.cancelAll()
      try await group.waitForAll()
    }
  }

  /// The lists a tracker yielded, for a test to wait on.
  final class Recorder: Sendable {
    private let lists = Mutex<[[ADBDeviceInfo]]>([])

    var count: Int { lists.withLock { $0.count } }
    var latest: [ADBDeviceInfo]? { lists.withLock { $0.last } }

    func append(_ list: [ADBDeviceInfo]) { lists.withLock { $0.append(list) } }

    /// Polls until the latest list satisfies `predicate`.
    func waitFor(within timeout: Duration, _ predicate: ([ADBDeviceInfo]) -> Bool) async throws {
      let deadline = ContinuousClock.now + timeout
      while ContinuousClock.now < deadline {
        if let latest, predicate(latest) { return }
        try await Task.sleep(for: .milliseconds(20))
      }
      let history = lists.withLock { $0.map { $0.map { "\($0.serial) \($0.state)" } } }
      throw AdbFailure("no tracked list matched within \(timeout); the lists were \(history)")
    }
  }
}
