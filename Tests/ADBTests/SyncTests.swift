import ADB
import ADBWire
import Foundation
import InteropSupport
import Synchronization
import Testing
import VirtualPhone

/// The sync client (stat, list, push, pull) against Google's adb server and virtual phones that
/// advertise the v2 records, or only v1.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct SyncTests {
  /// An old phone without `stat_v2`, `ls_v2`, `sendrecv_v2` and `fixed_push_mkdir`: the client
  /// must fall back to v1 and create parent directories itself with `mkdir -p`.
  static let v1Features = VirtualPhoneServer.defaultFeatures.filter {
    ![ADBFeature.statV2, ADBFeature.listV2, ADBFeature.sendReceiveV2, ADBFeature.fixedPushMkdir].contains($0)
  }

  /// Serves one phone (v2-capable or v1-only), connects a private adb server to it and runs `body`.
  static func withDevice<T>(
    v2: Bool = true, _ body: (ADBServerDevice, VirtualPhone) async throws -> T
  ) async throws -> T {
    let behaviour = VirtualPhoneServer.Behaviour(features: v2 ? VirtualPhoneServer.defaultFeatures : v1Features)
    return try await PhoneFixture.with(behaviour: behaviour) { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        let serial = phones.addresses[0]
        try await client.connect(serial)
        try await adb.waitFor(serial, state: "device")
        return try await body(client.device(serial), phones.phones[0])
      }
    }
  }

  /// Writes `contents` to `path` with permission bits and mtime.
  static func writeLocal(_ path: URL, _ contents: Data, permissions: Int, mtime: Int) throws {
    try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: path)
    try FileManager.default.setAttributes(
      [.posixPermissions: permissions, .modificationDate: Date(timeIntervalSince1970: TimeInterval(mtime))],
      ofItemAtPath: path.path)
  }

  static func localAttributes(_ path: URL) throws -> (permissions: Int, mtime: Int) {
    let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
    let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    let mtime = Int((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)
    return (permissions, mtime)
  }

  // MARK: - Round trips

  @Test(arguments: [true, false])
  func pushesAndPulls32MiBByteIdentical(v2: Bool) async throws {
    let data = try randomBytes(count: 32 << 20)
    let directory = try makeTemporaryDirectory("sync-big")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("big.bin")
    try data.write(to: source)
    try await Self.withDevice(v2: v2) { device, phone in
      // STA2 follows the /sdcard symlink, v1 STAT (an lstat) does not: proof of the version used.
      let sdcard = try #require(try await device.stat("/sdcard"))
      #expect(v2 ? sdcard.isDirectory : sdcard.isSymlink)

      let pushed = try await device.push(source.path, to: "/data/local/tmp/big.bin")
      #expect(pushed.files == 1 && pushed.bytes == UInt64(data.count))
      #expect(try phone.fileSystem.readFile("/data/local/tmp/big.bin").elementsEqual(data))

      let copy = directory.appendingPathComponent("copy.bin")
      let pulled = try await device.pull("/data/local/tmp/big.bin", to: copy.path)
      #expect(pulled.files == 1 && pulled.bytes == UInt64(data.count))
      #expect(try Data(contentsOf: copy) == data)
    }
  }

  @Test(arguments: [true, false])
  func copiesDirectoryTreesBothWaysKeepingModesAndTimes(v2: Bool) async throws {
    let root = try makeTemporaryDirectory("sync-tree")
    defer { try? FileManager.default.removeItem(at: root) }
    let tree = root.appendingPathComponent("tree")
    let files: [(path: String, contents: Data, permissions: Int, mtime: Int)] = [
      ("a.txt", Data("hello\n".utf8), 0o640, 1_600_000_000),
      ("empty.bin", Data(), 0o600, 1_600_000_100),
      ("sub/b.bin", try randomBytes(count: 200_000), 0o755, 1_650_000_000),
      ("sub/deeper/c.txt", Data("deep\n".utf8), 0o644, 1_700_000_000),
    ]
    for file in files {
      try Self.writeLocal(
        tree.appendingPathComponent(file.path), file.contents, permissions: file.permissions, mtime: file.mtime)
    }
    try FileManager.default.createDirectory(
      at: tree.appendingPathComponent("emptydir"), withIntermediateDirectories: true)

    try await Self.withDevice(v2: v2) { device, phone in
      // The remote directory does not exist: the tree becomes it.
      let pushed = try await device.push(tree.path, to: "/data/local/tmp/mirror")
      #expect(pushed.files == files.count)
      for file in files {
        let remote = "/data/local/tmp/mirror/\(file.path)"
        #expect(try phone.fileSystem.readFile(remote).elementsEqual(file.contents), "\(remote)")
        let metadata = try phone.fileSystem.stat(remote)
        #expect(metadata.permissions == UInt32(file.permissions), "\(remote)")
        #expect(metadata.mtime == Int64(file.mtime), "\(remote)")
      }
      #expect(try phone.fileSystem.stat("/data/local/tmp/mirror/emptydir").kind == .directory)

      // The local directory exists: the pulled tree lands inside it under its own name.
      let back = root.appendingPathComponent("back")
      try FileManager.default.createDirectory(at: back, withIntermediateDirectories: true)
      let pulled = try await device.pull("/data/local/tmp/mirror", to: back.path)
      #expect(pulled.files == files.count)
      let pulledTree = back.appendingPathComponent("mirror")
      for file in files {
        let local = pulledTree.appendingPathComponent(file.path)
        #expect(try Data(contentsOf: local) == file.contents, "\(local.path)")
        let attributes = try Self.localAttributes(local)
        #expect(attributes.permissions == file.permissions, "\(local.path)")
        #expect(attributes.mtime == file.mtime, "\(local.path)")
      }
      let names = try FileManager.default.subpathsOfDirectory(atPath: pulledTree.path).sorted()
      let expected = ["a.txt", "empty.bin", "emptydir", "sub", "sub/b.bin", "sub/deeper", "sub/deeper/c.txt"]
      #expect(names == expected)

      // A file pushed onto an existing remote directory lands inside it.
      _ = try await device.push(tree.appendingPathComponent("a.txt").path, to: "/data/local/tmp")
      #expect(try phone.fileSystem.readFile("/data/local/tmp/a.txt") == Array("hello\n".utf8))
    }
  }

  // MARK: - Stat and list

  @Test(arguments: [true, false])
  func statAndListMatchThePhonesFileSystem(v2: Bool) async throws {
    try await Self.withDevice(v2: v2) { device, phone in
      try phone.fileSystem.makeDirectory("/data/local/tmp/listing/inner", createParents: true)
      try phone.fileSystem.writeFile(
        "/data/local/tmp/listing/one", contents: Array(repeating: 7, count: 1234),
        mode: 0o640, mtime: 1_500_000_000)
      try phone.fileSystem.writeFile("/data/local/tmp/listing/two", contents: [], mode: 0o600, mtime: 1_500_000_001)
      try phone.fileSystem.makeSymlink(target: "one", at: "/data/local/tmp/listing/link")

      let info = try #require(try await device.stat("/data/local/tmp/listing/one"))
      let metadata = try phone.fileSystem.stat("/data/local/tmp/listing/one")
      #expect(info.name == "one" && info.path == "/data/local/tmp/listing/one")
      #expect(info.mode == metadata.mode && info.size == 1234 && info.mtime == 1_500_000_000)
      #expect(info.isRegularFile && !info.isDirectory && !info.isSymlink && info.permissions == 0o640)
      #expect(try await device.stat("/data/local/tmp/listing/inner")?.isDirectory == true)
      #expect(try await device.stat("/data/local/tmp/nope") == nil)
      #expect(try await device.stat("/data/local/tmp/listing/one/below") == nil)

      let listed = try await device.list("/data/local/tmp/listing")
      let expected = try phone.fileSystem.list("/data/local/tmp/listing")
      #expect(listed.map(\.name).sorted() == expected.map(\.name))
      for entry in expected {
        let remote = try #require(listed.first { $0.name == entry.name })
        #expect(remote.path == "/data/local/tmp/listing/\(entry.name)")
        #expect(remote.mode == entry.metadata.mode, "\(entry.name)")
        #expect(remote.size == entry.metadata.size, "\(entry.name)")
        #expect(remote.mtime == entry.metadata.mtime, "\(entry.name)")
      }
      #expect(listed.first { $0.name == "link" }?.isSymlink == true)
    }
  }

  // MARK: - Progress

  @Test func progressIsMonotonicAndEndsAtTheTotal() async throws {
    let size = 5 << 20
    let directory = try makeTemporaryDirectory("sync-progress")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("five.bin")
    try randomBytes(count: size).write(to: source)
    try await Self.withDevice { device, _ in
      for direction in ["push", "pull"] {
        let reports = Mutex<[TransferProgress]>([])
        let record: @Sendable (TransferProgress) -> Void = { report in reports.withLock { $0.append(report) } }
        if direction == "push" {
          _ = try await device.push(source.path, to: "/data/local/tmp/five.bin", progress: record)
        } else {
          _ = try await device.pull(
            "/data/local/tmp/five.bin", to: directory.appendingPathComponent("back.bin").path, progress: record)
        }
        let all = reports.withLock { $0 }
        #expect(all.count >= 4, "\(direction): \(all.count) reports")
        for (previous, next) in zip(all, all.dropFirst()) {
          #expect(next.bytesTransferred >= previous.bytesTransferred, "\(direction)")
          #expect(next.overallBytesTransferred >= previous.overallBytesTransferred, "\(direction)")
          #expect(next.filesCompleted >= previous.filesCompleted, "\(direction)")
        }
        let last = try #require(all.last)
        #expect(last.bytesTransferred == UInt64(size) && last.totalBytes == UInt64(size), "\(direction)")
        #expect(last.overallBytesTransferred == last.overallTotalBytes, "\(direction)")
        #expect(last.filesCompleted == 1 && last.fileCount == 1, "\(direction)")
        #expect(last.remotePath == "/data/local/tmp/five.bin", "\(direction)")
      }
    }
  }

  // MARK: - Errors

  @Test(arguments: [true, false])
  func failuresAreTypedWithTheRightWords(v2: Bool) async throws {
    let directory = try makeTemporaryDirectory("sync-errors")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("x")
    try Data("x".utf8).write(to: source)
    try await Self.withDevice(v2: v2) { device, _ in
      await Self.expectFailure(.fileTransferFailed, "No such file or directory") {
        _ = try await device.pull("/sdcard/nope.txt", to: directory.appendingPathComponent("nope").path)
      }
      #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("nope").path))
      await Self.expectFailure(.localFileError, "cannot read /nonexistent/x: No such file or directory") {
        _ = try await device.push("/nonexistent/x", to: "/data/local/tmp/x")
      }
      await Self.expectFailure(.fileTransferFailed, "Read-only file system") {
        _ = try await device.push(source.path, to: "/system/x")
      }
      // The session is over after a FAIL, but the device serves new ones.
      let stat = try await device.stat("/system/x")
      #expect(stat == nil)
    }
  }

  static func expectFailure(
    _ code: ADBError.Code, _ words: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
  ) async {
    do {
      try await body()
      Issue.record("expected \(code) with \(words.debugDescription)", sourceLocation: sourceLocation)
    } catch let error as ADBError {
      #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
      #expect(error.message.contains(words), "\(error.message)", sourceLocation: sourceLocation)
    } catch {
      Issue.record("expected an ADBError, got \(error)", sourceLocation: sourceLocation)
    }
  }
}
