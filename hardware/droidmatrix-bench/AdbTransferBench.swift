import ArgumentParser
import ChildProcess
import Foundation
import VirtualPhone

/// `droidmatrix-bench adb-transfer`: `adb push` and `adb pull` throughput through Google's adb,
/// against a phone at `--address` or, by default, a virtual phone served in this process.
struct AdbTransferBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adb-transfer",
    abstract: "Time `adb push` and `adb pull` of a random file through a private adb server.",
    discussion: """
      Starts its own adb server on a free port with its own HOME and stops it afterwards.
      Without --address it serves a virtual phone in-process on a free loopback port.
      Example: swift run -c release droidmatrix-bench adb-transfer --size-mib 256 --runs 3
      """
  )

  @Option(help: "Size of the file to transfer, in MiB.")
  var sizeMib = 256

  @Option(help: "How many push/pull rounds to time.")
  var runs = 3

  @Option(help: "host:port of a phone in TCP mode (default: an in-process virtual phone).")
  var address: String?

  @Option(help: "Where to write the JSON report.")
  var json: String?

  func validate() throws {
    guard sizeMib > 0, runs > 0 else { throw ValidationError("--size-mib and --runs must be positive") }
  }

  func run() async throws {
    guard let adbPath = ChildProcess.find("adb") else {
      throw ValidationError("Google's adb is not on PATH (install it with tools/setup)")
    }
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: workspace) }
    let source = workspace.appendingPathComponent("payload.bin")
    try Self.writeRandomFile(source, byteCount: sizeMib << 20)

    var server: VirtualPhoneServer?
    let target: String
    if let address {
      target = address
    } else {
      server = try await VirtualPhoneServer.start(phones: [VirtualPhone()])
      target = server!.addresses[0]
    }
    let adb = try PrivateAdbServer(
      executable: adbPath, home: workspace.appendingPathComponent("home"), port: Int.random(in: 20_000...29_999))
    try await adb.start()
    do {
      let report = try await measure(adb: adb, target: target, source: source, workspace: workspace)
      print(report.markdown)
      if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
    } catch {
      await adb.kill()
      await server?.stop()
      throw error
    }
    await adb.kill()
    await server?.stop()
  }

  private func measure(adb: PrivateAdbServer, target: String, source: URL, workspace: URL) async throws
    -> TransferReport
  {
    try await adb.connect(target)

    var pushes: [Double] = []
    var pulls: [Double] = []
    var pushLoads: [Double] = []
    for round in 1...runs {
      let cpuBefore = ProcessCPU.seconds()
      let push = try await adb.timed(["-s", target, "push", source.path, "/data/local/tmp/bench.bin"])
      pushLoads.append((ProcessCPU.seconds() - cpuBefore) / push)
      let pulled = workspace.appendingPathComponent("pulled-\(round).bin")
      let pull = try await adb.timed(["-s", target, "pull", "/data/local/tmp/bench.bin", pulled.path])
      try FileManager.default.removeItem(at: pulled)
      pushes.append(Double(sizeMib) * 1.048576 / push)
      pulls.append(Double(sizeMib) * 1.048576 / pull)
      print(
        String(
          format: "round %d: push %.1f MB/s (this process busy %.0f%% of one core), pull %.1f MB/s", round,
          pushes.last!, pushLoads.last! * 100, pulls.last!))
    }
    return TransferReport(
      target: address ?? "in-process virtual phone", sizeMiB: sizeMib, pushMBps: pushes, pullMBps: pulls,
      pushProcessCoreShare: pushLoads)
  }

  /// Writes `byteCount` bytes from /dev/urandom, in 1 MiB reads.
  static func writeRandomFile(_ url: URL, byteCount: Int) throws {
    guard let random = FileHandle(forReadingAtPath: "/dev/urandom") else { throw BenchFailure("no /dev/urandom") }
    defer { try? random.close() }
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let file = try FileHandle(forWritingTo: url)
    defer { try? file.close() }
    var remaining = byteCount
    while remaining > 0 {
      let chunk = try random.read(upToCount: min(remaining, 1 << 20)) ?? Data()
      try file.write(contentsOf: chunk)
      remaining -= chunk.count
    }
  }
}

/// The figures of one `adb-transfer` run.
struct TransferReport: Codable {
  var target: String
  var sizeMiB: Int
  var pushMBps: [Double]
  var pullMBps: [Double]
  /// CPU time of this process (the in-process phone) per second of push: below 1.0 the phone
  /// had time to spare.
  var pushProcessCoreShare: [Double]

  var markdown: String {
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    return """
      | adb (Google's CLI) → \(target) | median MB/s | runs |
      |---|---|---|
      | push \(sizeMiB) MiB | \(String(format: "%.1f", median(pushMBps))) | \(pushMBps.count) |
      | pull \(sizeMiB) MiB | \(String(format: "%.1f", median(pullMBps))) | \(pullMBps.count) |

      During push this process (which serves the virtual phone) used \(String(format: "%.0f", median(pushProcessCoreShare) * 100))% of one core.
      """
  }

  var json: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}
