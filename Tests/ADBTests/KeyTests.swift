import ADB
import ADBWire
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// adb-compatible keys: the same public key as `adb keygen` writes, and keys adb accepts.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct KeyTests {
  /// A key pair written by `adb keygen` into a new folder.
  static func adbKeygen(environment extra: [String: String] = [:]) async throws -> URL {
    let directory = try makeTemporaryDirectory("keys")
    let key = directory.appendingPathComponent("adbkey")
    let environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
    let result = try await ChildProcess.run(AdbServer.executable!, ["keygen", key.path], environment: environment)
    #expect(result.status == 0, "\(result.standardError)")
    return key
  }

  /// adb names the key's owner from LOGNAME and HOSTNAME (or login and host name): both ways.
  @Test(arguments: [[:], ["LOGNAME": "alice", "HOSTNAME": "rack1"]])
  func pubkeyOfAnAdbKeygenKeyPrintsExactlyItsPubLine(environment: [String: String]) async throws {
    let key = try await Self.adbKeygen(environment: environment)
    let expected = try String(contentsOfFile: key.path + ".pub", encoding: .utf8)
    let printed = try await CLITests.droidmatrix(["pubkey", key.path], port: nil, environment: environment)
    #expect(printed.status == 0, "\(printed.standardError)")
    #expect(printed.standardOutput == expected + "\n")
    // The library agrees, whatever comment adb used.
    let ours = try ADBKey(contentsOf: key.path).publicKey(comment: "x@y")
    #expect(try AndroidPublicKey(parsing: expected).blob == ours.blob)
  }

  @Test(.enabled(if: ChildProcess.find("openssl") != nil, "openssl converts the key to PKCS#1"))
  func aPKCS1CopyOfTheKeyGivesTheSamePublicKey() async throws {
    let key = try await Self.adbKeygen()
    let pkcs1 = key.path + ".pkcs1"
    let converted = try await ChildProcess.run(
      ChildProcess.find("openssl")!, ["rsa", "-in", key.path, "-traditional", "-out", pkcs1])
    #expect(converted.status == 0, "\(converted.standardError)")
    #expect(try String(contentsOfFile: pkcs1, encoding: .utf8).hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
    let expected = try AndroidPublicKey(parsing: String(contentsOfFile: key.path + ".pub", encoding: .utf8))
    #expect(try ADBKey(contentsOf: pkcs1).publicKey().blob == expected.blob)
  }

  @Test func aKeyFromDroidmatrixKeygenIsAcceptedByAdb() async throws {
    let home = try makeTemporaryDirectory("adb-home")
    let android = home.appendingPathComponent(".android")
    try FileManager.default.createDirectory(at: android, withIntermediateDirectories: true)
    let key = android.appendingPathComponent("adbkey")
    let generated = try await CLITests.droidmatrix(["keygen", key.path], port: nil)
    #expect(generated.status == 0, "\(generated.standardError)")
    let attributes = try FileManager.default.attributesOfItem(atPath: key.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    let authentication = try PhoneAuthentication.required(keysFile: key.path + ".pub")
    try await PhoneFixture.with(behaviour: .init(authentication: authentication)) { phones in
      try await AdbServer.with(home: home) { adb in
        _ = try await adb.connect(phones.addresses[0])
        try await adb.waitFor(phones.addresses[0], state: "device")
      }
    }
  }

  @Test func signaturesVerifyWithThePublicKey() throws {
    let key = try ADBKey.generate()
    let token = (0..<20).map { UInt8($0 * 7) }
    let signature = try key.sign(token: token)
    #expect(signature.count == 256)
    let authentication = PhoneAuthentication.required(keys: [try key.publicKey()])
    #expect(authentication.acceptsSignature(signature, for: token))
    #expect(!authentication.acceptsSignature(signature, for: token.reversed()))
  }

  @Test func aMalformedKeyFileIsRefusedWithItsName() throws {
    let directory = try makeTemporaryDirectory("keys")
    let file = directory.appendingPathComponent("broken").path
    try Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8).write(
      to: URL(fileURLWithPath: file))
    do {
      _ = try ADBKey(contentsOf: file)
      Issue.record("a broken key must be refused")
    } catch {
      #expect(error.code == .localFileError)
      #expect(error.message.hasPrefix(file))
    }
  }
}
