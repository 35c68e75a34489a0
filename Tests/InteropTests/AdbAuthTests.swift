import ADBWire
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// AUTH against Google's adb: a phone with `--auth-keys` trusts exactly the keys listed.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbAuthTests {
  /// A HOME whose `.android/adbkey` is a fresh pair made by `adb keygen`.
  static func homeWithNewKey() async throws -> URL {
    let home = try makeTemporaryDirectory("adb-home")
    let android = home.appendingPathComponent(".android")
    try FileManager.default.createDirectory(at: android, withIntermediateDirectories: true)
    let keygen = try await ChildProcess.run(
      AdbServer.executable!, ["keygen", android.appendingPathComponent("adbkey").path],
      environment: ["HOME": home.path])
    guard keygen.status == 0 else { throw AdbFailure("adb keygen failed: \(keygen.standardError)") }
    return home
  }

  static func publicKeyFile(of home: URL) -> String {
    home.appendingPathComponent(".android/adbkey.pub").path
  }

  @Test func adbWithTheListedKeyConnectsAndAnotherKeyIsUnauthorized() async throws {
    let trustedHome = try await Self.homeWithNewKey()
    let strangerHome = try await Self.homeWithNewKey()
    let authentication = try PhoneAuthentication.required(keysFile: Self.publicKeyFile(of: trustedHome))

    try await PhoneFixture.with(behaviour: .init(authentication: authentication)) { phones in
      let serial = phones.addresses[0]
      try await AdbServer.with(home: trustedHome) { adb in
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")
        #expect(try await adb.run(["-s", serial, "shell", "echo trusted"]).standardOutput == "trusted\n")
      }
      try await AdbServer.with(home: strangerHome) { adb in
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "unauthorized")
        let refused = try await adb.run(["-s", serial, "shell", "echo no"])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("unauthorized"))
      }
    }
  }

  @Test func acceptNewKeysTrustsTheKeyAdbOffers() async throws {
    let home = try await Self.homeWithNewKey()
    let authentication = PhoneAuthentication.required(keys: [], acceptNewKeys: true)
    try await PhoneFixture.with(behaviour: .init(authentication: authentication)) { phones in
      let serial = phones.addresses[0]
      try await AdbServer.with(home: home) { adb in
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")
      }
      let offered = try String(contentsOfFile: Self.publicKeyFile(of: home), encoding: .utf8)
      #expect(authentication.trustedKeys.map(\.line) == [offered.trimmingCharacters(in: .whitespacesAndNewlines)])
    }
  }
}
