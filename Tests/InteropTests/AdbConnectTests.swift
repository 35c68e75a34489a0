import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// Google's adb connecting to virtual phones and running shell commands on them.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbConnectTests {
  @Test func adbConnectsAndListsThePhoneWithModelAndProduct() async throws {
    try await PhoneFixture.with(count: 2) { phones in
      try await AdbServer.with { adb in
        for address in phones.addresses {
          #expect(try await adb.connect(address).contains("connected to \(address)"))
          try await adb.waitFor(address, state: "device")
        }
        let listing = try await adb.run(["devices", "-l"]).standardOutput
        for (index, address) in phones.addresses.enumerated() {
          let line = try #require(listing.split(separator: "\n").first { $0.hasPrefix(address + " ") })
          // adb sanitizes the model to alphanumerics: spaces become underscores.
          #expect(
            line.contains("device product:interop_product model:Interop_Phone_\(index + 1) device:interop_device"))
        }
      }
    }
  }

  @Test func shellPrintsStdoutSplitsStderrAndReturnsExitStatus() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")

        let hello = try await adb.run(["-s", serial, "shell", "echo", "hello"])
        #expect(hello.standardOutput == "hello\n")
        #expect(hello.status == 0)

        let exit3 = try await adb.run(["-s", serial, "shell", "exit 3"])
        #expect(exit3.status == 3)

        let oops = try await adb.run(["-s", serial, "shell", "echo oops >&2"])
        #expect(oops.standardError == "oops\n")
        #expect(oops.standardOutput == "")

        let missing = try await adb.run(["-s", serial, "shell", "no-such-command"])
        #expect(missing.status == 127)
        #expect(missing.standardError.contains("not found"))

        let model = try await adb.run(["-s", serial, "shell", "getprop", "ro.product.model"])
        #expect(model.standardOutput == "Interop Phone 1\n")
      }
    }
  }

  @Test func phonesFromTheExecutableAreAcceptedByAdb() async throws {
    let executable = try #require(Self.virtualPhoneExecutable, "virtual-phone was not built next to the tests")
    let port = try freeConsecutiveLoopbackPorts(count: 3)
    let process = Process()
    process.executableURL = executable
    process.arguments = [
      "--port", String(port), "--count", "3", "--model", "Bench Phone", "--phone-prop", "2:ro.build.version.sdk=30",
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    try await AdbServer.with { adb in
      for offset in 0..<3 {
        let address = "127.0.0.1:\(port + offset)"
        try await Self.retry { try await adb.connect(address).contains("connected to") }
        try await adb.waitFor(address, state: "device")
        let serial = try await adb.run(["-s", address, "shell", "getprop ro.serialno"]).standardOutput
        #expect(serial == "vphone-\(offset + 1)\n")
        let sdk = try await adb.run(["-s", address, "shell", "getprop ro.build.version.sdk"]).standardOutput
        #expect(sdk == (offset == 1 ? "30\n" : "33\n"))
      }
    }
  }

  /// The `virtual-phone` binary SwiftPM built beside the test bundle.
  static var virtualPhoneExecutable: URL? { builtExecutable("virtual-phone").map { URL(fileURLWithPath: $0) } }

  /// Retries `attempt` for up to twenty seconds (the process needs a moment to listen, more
  /// on a machine busy with other tests).
  static func retry(_ attempt: () async throws -> Bool) async throws {
    for _ in 0..<200 {
      if try await attempt() { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw AdbFailure("gave up after 20 s")
  }
}
