import ArgumentParser
import ChildProcess
import Foundation
import VirtualPhone

/// What every bench command stands on: a scratch folder, a phone (the one at `--address`, or a
/// virtual phone served in-process) and a private adb server connected to it. Everything it
/// started is stopped when the body returns or throws.
struct BenchSetup {
  /// A folder for the run's files; removed afterwards.
  let workspace: URL
  /// The private adb server.
  let adb: PrivateAdbServer
  /// The phone's `host:port`.
  let target: String
  /// How the report names the phone.
  let targetName: String

  /// Runs `body` with a fresh setup.
  /// - Parameter address: a phone in TCP mode; nil serves a virtual phone in-process.
  static func with<Result>(address: String?, _ body: (BenchSetup) async throws -> Result) async throws -> Result {
    guard let adbPath = ChildProcess.find("adb") else {
      throw ValidationError("Google's adb is not on PATH (install it with tools/setup)")
    }
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let phones = address == nil ? try await VirtualPhoneServer.start(phones: [VirtualPhone()]) : nil
    let adb = try PrivateAdbServer(
      executable: adbPath, home: workspace.appendingPathComponent("home"), port: Int.random(in: 20_000...29_999))
    let setup = BenchSetup(
      workspace: workspace, adb: adb, target: address ?? phones!.addresses[0],
      targetName: address ?? "in-process virtual phone")
    do {
      try await adb.start()
      try await adb.connect(setup.target)
      let result = try await body(setup)
      await adb.kill()
      await phones?.stop()
      return result
    } catch {
      await adb.kill()
      await phones?.stop()
      throw error
    }
  }

  /// ``target`` split into host and port, for a native connection.
  func hostAndPort() throws -> (host: String, port: Int) {
    guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
      throw ValidationError("the phone's address \(target) is not HOST:PORT")
    }
    return (String(target[..<colon]), port)
  }
}
