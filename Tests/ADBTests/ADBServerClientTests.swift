import ADB
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// The ADB library against Google's adb server and virtual phones.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct ADBServerClientTests {
  static func client(_ adb: AdbServer) -> ADBServerClient {
    ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
  }

  @Test func reportsTheServerVersion() async throws {
    try await AdbServer.with { adb in
      let version = try await Self.client(adb).version()
      #expect(version == 41)
    }
  }

  @Test func connectsAndListsDevicesLikeAdbDevicesL() async throws {
    try await PhoneFixture.with(count: 2) { phones in
      try await AdbServer.with { adb in
        let client = Self.client(adb)
        for address in phones.addresses {
          #expect(try await client.connect(address).hasPrefix("connected to \(address)"))
          try await adb.waitFor(address, state: "device")
        }
        let devices = try await client.devices()
        let listing = try await adb.run(["devices", "-l"]).standardOutput
        let reference = ADBDeviceInfo.parseList(
          listing.split(separator: "\n").dropFirst().joined(separator: "\n"))  // Drop "List of devices attached".
        #expect(Set(devices) == Set(reference))
        for (index, address) in phones.addresses.enumerated() {
          let info = try #require(devices.first { $0.serial == address })
          #expect(info.state == "device")
          #expect(info.model == "Interop_Phone_\(index + 1)")
          #expect(info.product == "interop_product")
        }
      }
    }
  }

  @Test func shellReturnsStdoutStderrAndExitStatus() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = Self.client(adb)
        try await client.connect(phones.addresses[0])
        try await adb.waitFor(phones.addresses[0], state: "device")
        let phone = client.device(phones.addresses[0])
        let output = try await phone.shell("echo out; echo err >&2; exit 7")
        #expect(output.standardOutput == "out\n")
        #expect(output.standardError == "err\n")
        #expect(output.exitStatus == 7)
        let png = try await phone.screenshotPNG()
        #expect(png.count > 1000)
      }
    }
  }

  @Test func eachFailureHasItsOwnError() async throws {
    let port = try freeLoopbackPort()
    let stopped = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: port), startsServer: false)
    await #expect(throws: ADBError.self) { try await stopped.version() }
    do {
      _ = try await stopped.version()
    } catch let error as ADBError {
      #expect(error.code == .serverUnavailable)
      #expect(error.message.contains("cannot reach the adb server"))
    }

    try await AdbServer.with { adb in
      let client = Self.client(adb)
      do {
        _ = try await client.device("nope:1").shell("true")
        Issue.record("an unknown serial must fail")
      } catch let error as ADBError {
        #expect(error.code == .deviceNotFound)
        #expect(error.message == "device 'nope:1' not found")
      }
    }
  }
}

/// Shell over devices without shell v2, and output delivered as it arrives.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct ShellFallbackTests {
  @Test func aDeviceWithoutShellV2GetsMergedOutputAndNoStatus() async throws {
    let oldPhone = VirtualPhoneServer.Behaviour(features: ["cmd"])
    try await PhoneFixture.with(behaviour: oldPhone) { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        try await client.connect(phones.addresses[0])
        try await adb.waitFor(phones.addresses[0], state: "device")
        let output = try await client.device(phones.addresses[0]).shell("echo out; echo err >&2; exit 3")
        #expect(output.standardOutput == "out\nerr\n")
        #expect(output.stderr.isEmpty)
        #expect(output.exitStatus == nil)
      }
    }
  }

  @Test func stdinIsStreamedToTheCommandUntilItEnds() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        try await client.connect(phones.addresses[0])
        try await adb.waitFor(phones.addresses[0], state: "device")
        let device = client.device(phones.addresses[0])
        let (input, feed) = AsyncStream.makeStream(of: [UInt8].self)
        // The first piece is ready when the command starts; the rest follow while it runs.
        feed.yield(Array("first ".utf8))
        let feeding = Task {
          for word in ["second ", "third\n"] {
            try await Task.sleep(for: .milliseconds(10))
            feed.yield(Array(word.utf8))
          }
          feed.finish()
        }
        var output: [UInt8] = []
        let status = try await device.shell("cat > /sdcard/in.txt; wc -c < /sdcard/in.txt", streamingStdin: input) {
          if case .stdout(let bytes) = $0 { output += bytes }
        }
        try await feeding.value
        #expect(status == 0)
        #expect(try phones.phones[0].fileSystem.readFile("/sdcard/in.txt") == Array("first second third\n".utf8))
        #expect(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "19")
      }
    }
  }

  @Test func streamingDeliversStdoutAndStderrApartInOrder() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        try await client.connect(phones.addresses[0])
        try await adb.waitFor(phones.addresses[0], state: "device")
        var chunks: [ShellOutputChunk] = []
        let status = try await client.device(phones.addresses[0]).shell("echo a; echo b >&2; exit 2") {
          chunks.append($0)
        }
        #expect(status == 2)
        #expect(chunks == [.stdout(Array("a\n".utf8)), .stderr(Array("b\n".utf8))])
      }
    }
  }
}
