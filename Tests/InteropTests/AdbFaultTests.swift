import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// A phone that vanishes mid-transfer: adb reports an error and the other phones carry on.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbFaultTests {
  static func randomFile(megabytes: Int, in directory: URL) throws -> URL {
    let file = directory.appendingPathComponent("payload.bin")
    try randomBytes(count: megabytes << 20).write(to: file)
    return file
  }

  @Test func killingAPhoneMidPushFailsThePushAndSparesTheOthers() async throws {
    let directory = try makeTemporaryDirectory("fault")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try Self.randomFile(megabytes: 32, in: directory)

    // Phone 1 answers every packet 100 ms late, so a 32 MiB push (32 acknowledged 1 MiB writes)
    // takes over three seconds; it is stopped once 4 MiB have arrived, whatever the scheduling.
    try await PhoneFixture.with(behaviour: .init(latency: .milliseconds(100))) { doomed in
      try await PhoneFixture.with { survivor in
        try await AdbServer.with { adb in
          for address in doomed.addresses + survivor.addresses {
            _ = try await adb.connect(address)
            try await adb.waitFor(address, state: "device")
          }
          async let push = adb.run(["-s", doomed.addresses[0], "push", file.path, "/sdcard/payload.bin"])
          while doomed.phones[0].traffic.bytesFromHost < 4 << 20 {
            try await Task.sleep(for: .milliseconds(20))
          }
          await doomed.stop(phoneAt: 0)
          let result = try await push
          #expect(result.status != 0)
          // adb 29 prints its errors on stdout when stdout is not a terminal.
          #expect((result.standardOutput + result.standardError).contains("adb: error:"))
          #expect((try? doomed.phones[0].fileSystem.stat("/sdcard/payload.bin")) == nil)

          let alive = try await adb.run(["-s", survivor.addresses[0], "shell", "echo still here"])
          #expect(alive.standardOutput == "still here\n")
        }
      }
    }
  }

  @Test func vanishAfterBytesDropsTheConnectionMidStream() async throws {
    let directory = try makeTemporaryDirectory("fault")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = try Self.randomFile(megabytes: 8, in: directory)
    try await PhoneFixture.with(behaviour: .init(vanishAfterBytes: 2 << 20)) { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")
        let push = try await adb.run(["-s", serial, "push", file.path, "/sdcard/payload.bin"])
        #expect(push.status != 0)
        #expect((push.standardOutput + push.standardError).contains("adb: error:"))
      }
    }
  }
}
