import ADB
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// `droidmatrix … --direct HOST:PORT`: the command line with no adb server at all, against a
/// virtual phone that requires the key in the command's HOME.
@Suite(.serialized) struct DirectCLITests {
  /// Runs `body` with a phone trusting `DevicePath.trustedKey`, and a HOME holding that key.
  static func withPhone(_ body: (_ address: String, _ home: URL, VirtualPhone) async throws -> Void) async throws {
    let home = try makeTemporaryDirectory("direct-home")
    defer { try? FileManager.default.removeItem(at: home) }
    try FileManager.default.createDirectory(
      at: home.appendingPathComponent(".android"), withIntermediateDirectories: true)
    try DevicePath.trustedKey.write(to: home.appendingPathComponent(".android/adbkey").path)
    let behaviour = VirtualPhoneServer.Behaviour(
      authentication: .required(keys: [try DevicePath.trustedKey.publicKey()]))
    try await PhoneFixture.with(behaviour: behaviour) { phones in
      try await body(phones.addresses[0], home, phones.phones[0])
    }
  }

  static func droidmatrix(_ arguments: [String], home: URL) async throws -> ChildProcess.Output {
    try await CLITests.droidmatrix(arguments, port: nil, environment: ["HOME": home.path, "ADB_VENDOR_KEYS": ""])
  }

  @Test func shellDevicesPushAndPullWorkWithoutAnAdbServer() async throws {
    try await Self.withPhone { address, home, phone in
      let shell = try await Self.droidmatrix(["shell", "--direct", address, "--", "echo hi; exit 3"], home: home)
      #expect(shell.standardOutput == "hi\n")
      #expect(shell.status == 3)

      let devices = try await Self.droidmatrix(["devices", "-l", "--direct", address], home: home)
      #expect(devices.status == 0)
      #expect(devices.standardOutput.contains("\(address)"))
      #expect(devices.standardOutput.contains("model:Interop_Phone_1"))

      let directory = try makeTemporaryDirectory("direct-cli")
      defer { try? FileManager.default.removeItem(at: directory) }
      let source = directory.appendingPathComponent("a.bin")
      let data = try randomBytes(count: 300_000)
      try data.write(to: source)
      let push = try await Self.droidmatrix(["push", "--direct", address, source.path, "/sdcard/a.bin"], home: home)
      #expect(push.status == 0)
      #expect(try phone.fileSystem.readFile("/sdcard/a.bin").elementsEqual(data))
      let copy = directory.appendingPathComponent("b.bin")
      let pull = try await Self.droidmatrix(["pull", "--direct", address, "/sdcard/a.bin", copy.path], home: home)
      #expect(pull.status == 0)
      #expect(try Data(contentsOf: copy) == data)
    }
  }

  @Test func anUntrustedKeySaysHowToAuthorize() async throws {
    try await Self.withPhone { address, _, _ in
      let stranger = try makeTemporaryDirectory("stranger-home")
      defer { try? FileManager.default.removeItem(at: stranger) }
      let result = try await Self.droidmatrix(
        ["shell", "--direct", address, "--auth-timeout", "3", "--", "true"], home: stranger)
      #expect(result.status == 1)
      #expect(result.standardError.contains("unauthorized"))
      #expect(result.standardError.contains("Allow USB debugging"))
      // The missing key was generated, as adb does.
      #expect(FileManager.default.fileExists(atPath: stranger.appendingPathComponent(".android/adbkey.pub").path))
    }
  }

  @Test func nothingListeningIsAClearError() async throws {
    let home = try makeTemporaryDirectory("direct-home")
    defer { try? FileManager.default.removeItem(at: home) }
    let port = try freeLoopbackPort()
    let result = try await Self.droidmatrix(["shell", "--direct", "127.0.0.1:\(port)", "--", "true"], home: home)
    #expect(result.status == 1)
    #expect(result.standardError.hasPrefix("droidmatrix: cannot connect to 127.0.0.1:\(port)"))
  }

  @Test func directCannotBeCombinedWithServerOptions() async throws {
    let home = try makeTemporaryDirectory("direct-home")
    defer { try? FileManager.default.removeItem(at: home) }
    let result = try await Self.droidmatrix(["shell", "--direct", "h:1", "-s", "x", "--", "true"], home: home)
    #expect(result.status == 64)
    #expect(result.standardError.contains("cannot be combined"))
  }
}
