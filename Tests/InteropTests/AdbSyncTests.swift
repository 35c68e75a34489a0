import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// `adb push` and `adb pull` against virtual phones: the sync protocol through Google's adb.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct AdbSyncTests {
  @Test func pushThenPullOf32MiBIsByteIdentical() async throws {
    let directory = try makeTemporaryDirectory("sync")
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = directory.appendingPathComponent("big.bin")
    let pulled = directory.appendingPathComponent("pulled.bin")
    let bytes = try randomBytes(count: 32 << 20)
    try bytes.write(to: original)

    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")

        let push = try await adb.run(["-s", serial, "push", original.path, "/sdcard/big.bin"])
        #expect(push.status == 0, "\(push.standardError)")
        #expect(try phones.phones[0].fileSystem.readFile("/sdcard/big.bin").count == bytes.count)

        let listing = try await adb.run(["-s", serial, "shell", "ls -l /sdcard/big.bin"]).standardOutput
        #expect(listing.contains(" 33554432 "), "ls -l said: \(listing)")

        let pull = try await adb.run(["-s", serial, "pull", "/sdcard/big.bin", pulled.path])
        #expect(pull.status == 0, "\(pull.standardError)")
        #expect(try Data(contentsOf: pulled) == bytes)
      }
    }
  }

  @Test func pushIntoAMissingDirectoryCreatesIt() async throws {
    let directory = try makeTemporaryDirectory("sync")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("note.txt")
    try Data("hello phone\n".utf8).write(to: file)

    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")

        let push = try await adb.run(["-s", serial, "push", file.path, "/sdcard/new/nested/note.txt"])
        #expect(push.status == 0, "\(push.standardError)")
        let cat = try await adb.run(["-s", serial, "shell", "cat /sdcard/new/nested/note.txt"])
        #expect(cat.standardOutput == "hello phone\n")
        let kind = try phones.phones[0].fileSystem.stat("/sdcard/new/nested")
        #expect(kind.kind == .directory)
      }
    }
  }

  @Test func pullOfAMissingFileFailsWithTheReason() async throws {
    let directory = try makeTemporaryDirectory("sync")
    defer { try? FileManager.default.removeItem(at: directory) }
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")
        let pull = try await adb.run(["-s", serial, "pull", "/sdcard/absent.bin", directory.path])
        #expect(pull.status != 0)
        // adb 29 prints its errors on stdout when stdout is not a terminal.
        let said = pull.standardOutput + pull.standardError
        #expect(
          said.contains("failed to stat remote object '/sdcard/absent.bin': No such file or directory"), "\(said)")
      }
    }
  }

  @Test func uiautomatorDumpPullsAsWellFormedXML() async throws {
    let directory = try makeTemporaryDirectory("dump")
    defer { try? FileManager.default.removeItem(at: directory) }
    let local = directory.appendingPathComponent("d.xml")
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")

        let dump = try await adb.run(["-s", serial, "shell", "uiautomator", "dump", "/sdcard/d.xml"])
        #expect(dump.standardOutput.contains("UI hierchary dumped to: /sdcard/d.xml"))
        let pull = try await adb.run(["-s", serial, "pull", "/sdcard/d.xml", local.path])
        #expect(pull.status == 0, "\(pull.standardError)")

        let root = try XMLRoot.parse(try Data(contentsOf: local))
        #expect(root.name == "hierarchy")
        #expect(root.nodeCount > 1)
      }
    }
  }

  @Test func execOutScreencapReturnsAPNGThatDecodes() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let serial = phones.addresses[0]
        _ = try await adb.connect(serial)
        try await adb.waitFor(serial, state: "device")

        let screencap = try await adb.run(["-s", serial, "exec-out", "screencap", "-p"])
        #expect(screencap.status == 0)
        let image = try await PNGCheck.decode(screencap.stdout)
        #expect(image.width == 1080 && image.height == 2400)
      }
    }
  }
}
