import ADB
import DeviceControl
import Foundation
import InteropSupport
import TaskEngine
import VirtualPhone

@testable import TikTok

/// A virtual phone with the TikTok model, reached natively, and a flow session on it.
enum TikTokPhone {
  /// Serves one phone with TikTok logged in to `accounts` and runs `body` with a session.
  static func with<T>(
    accounts: [String] = ["vphone1"], popupChance: Double = 0, seed: UInt64 = 1,
    _ body: (TikTokSession, VirtualPhone) async throws -> T
  ) async throws -> T {
    try await PhoneFixture.with { phones in
      let phone = phones.phones[0]
      phone.system.setDumpBehaviour(.instant)
      _ = phone.system.installApp(
        .tiktok(accounts: accounts, popupChance: popupChance, seed: seed, uploadDuration: .milliseconds(300)))
      let connection = try await DeviceConnection.connect(host: phones.host, port: phones.ports[0])
      var options = TikTokSession.uiOptions
      options.seed = seed
      options.dumpRetryDelay = .milliseconds(50)
      options.pollInterval = .milliseconds(50)
      options.defaultTimeout = .seconds(5)
      options.screenshotsOnFailure = false
      let session = await TikTokSession.start(on: connection, options: options)
      do {
        let result = try await body(session, phone)
        await connection.close()
        return result
      } catch {
        await connection.close()
        throw error
      }
    }
  }

  /// The app's state as `vphone state` prints it.
  static func state(_ phone: VirtualPhone) throws -> JSONValue {
    try JSONValue(jsonBytes: phone.runShell("vphone state").stdout)
  }

  /// One account's part of the state.
  static func account(_ phone: VirtualPhone, _ name: String = "vphone1") throws -> JSONValue {
    try state(phone)["accounts"]?[name] ?? .null
  }

  /// Runs a script's flow for one configuration, as the engine would for one task.
  static func run<Config: TikTokScriptConfig>(
    _ script: TikTokScript<Config>, _ json: JSONValue, account: String? = nil, in session: TikTokSession
  ) async throws -> [TaskOutcome] {
    let planned = try script.plan(config: json, context: PlanContext(executor: TaskExecutor(serial: "vp"), jobCount: 0))
    var outcomes: [TaskOutcome] = []
    for task in planned {
      outcomes.append(try await script.run(try Config(json: task), account: account, in: session))
    }
    return outcomes
  }

  /// A scratch file of `bytes` random bytes named `name`.
  static func localFile(_ name: String, bytes: Int = 50_000) throws -> String {
    let directory = try makeTemporaryDirectory("tiktok-media")
    let url = directory.appendingPathComponent(name)
    try randomBytes(count: bytes).write(to: url)
    return url.path
  }

  /// Strings of a JSON array.
  static func strings(_ value: JSONValue?) -> [String] {
    value?.arrayValue?.compactMap(\.stringValue) ?? []
  }
}
