import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// `droidmatrix ui dump`, `ui query` and `ui tap` against a virtual phone, natively (`--direct`).
@Suite(.serialized) struct UIDeviceCommandTests {
  /// Runs the built `droidmatrix` with a throw-away HOME (it holds the generated adb key).
  static func droidmatrix(_ arguments: [String]) async throws -> ChildProcess.Output {
    let executable = try #require(UIQueryCommandTests.executable, "droidmatrix was not built next to the tests")
    let home = try makeTemporaryDirectory("ui-cli-home")
    defer { try? FileManager.default.removeItem(at: home) }
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["ADB_VENDOR_KEYS"] = ""
    return try await ChildProcess.run(executable, arguments, environment: environment, timeout: .seconds(30))
  }

  @Test func dumpsQueriesAndTapsThePhonesScreen() async throws {
    try await PhoneFixture.with { phones in
      let address = phones.addresses[0]
      let dump = try await Self.droidmatrix(["ui", "dump", "--direct", address])
      #expect(dump.status == 0)
      #expect(dump.standardOutput.hasPrefix("<?xml"))
      #expect(dump.standardOutput.contains("text=\"Chrome\""))
      #expect(!dump.standardOutput.contains("dumped to"))

      let query = try await Self.droidmatrix(["ui", "query", "--direct", address, "--desc", "Search"])
      #expect(query.status == 0)
      #expect(query.standardOutput.hasPrefix("{\"text\":\"\",\"desc\":\"Search\""))

      let tap = try await Self.droidmatrix(["ui", "tap", "--direct", address, "--text", "Chrome"])
      #expect(tap.status == 0, "\(tap.standardError)")
      #expect(tap.standardOutput.hasPrefix("{\"text\":\"Chrome\""))
      #expect(phones.phones[0].system.foregroundActivity.package == "com.android.chrome")

      let missing = try await Self.droidmatrix([
        "ui", "tap", "--direct", address, "--text", "Nowhere", "--timeout", "1",
      ])
      #expect(missing.status == 1)
      #expect(missing.standardError.hasPrefix("droidmatrix: no element matches text(\"Nowhere\")"))
    }
  }
}
