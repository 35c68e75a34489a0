import ADB
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
    let report = try await BenchSetup.with(address: address) { setup in
      let source = setup.workspace.appendingPathComponent("payload.bin")
      try Self.writeRandomFile(source, byteCount: sizeMib << 20)
      return try await measure(setup, source: source)
    }
    print(report.markdown)
    if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
  }

  private func measure(_ setup: BenchSetup, source: URL) async throws -> TransferReport {
    let (adb, target, workspace) = (setup.adb, setup.target, setup.workspace)
    let device = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
      .device(target)
    let megabytes = Double(sizeMib) * 1.048576
    var report = TransferReport(target: setup.targetName, sizeMiB: sizeMib)
    for round in 1...runs {
      // adb and the library take turns on the same file, phone and server, so drift hits both.
      let cpuBefore = ProcessCPU.seconds()
      let adbPush = try await adb.timed(["-s", target, "push", source.path, "/data/local/tmp/bench.bin"])
      let phoneLoad = (ProcessCPU.seconds() - cpuBefore) / adbPush
      let cpuBeforeLibrary = ProcessCPU.seconds()
      let libraryPush = try await device.push(source.path, to: "/data/local/tmp/bench.bin").seconds
      let libraryLoad = (ProcessCPU.seconds() - cpuBeforeLibrary) / libraryPush
      let pulled = workspace.appendingPathComponent("pulled-\(round).bin")
      let adbPull = try await adb.timed(["-s", target, "pull", "/data/local/tmp/bench.bin", pulled.path])
      try FileManager.default.removeItem(at: pulled)
      let libraryPull = try await device.pull("/data/local/tmp/bench.bin", to: pulled.path).seconds
      try FileManager.default.removeItem(at: pulled)
      report.add(
        adbPush: megabytes / adbPush, libraryPush: megabytes / libraryPush, adbPull: megabytes / adbPull,
        libraryPull: megabytes / libraryPull, phoneLoad: phoneLoad)
      print(
        String(
          format:
            "round %d: push adb %.0f / library %.0f MB/s (this process %.0f%% of a core), pull adb %.0f / library %.0f MB/s",
          round, megabytes / adbPush, megabytes / libraryPush, libraryLoad * 100, megabytes / adbPull,
          megabytes / libraryPull))
    }
    return report
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

/// The figures of one `adb-transfer` run, in MB/s (10^6 bytes per second).
struct TransferReport: Codable {
  var target: String
  var sizeMiB: Int
  var adbPush: [Double] = []
  var libraryPush: [Double] = []
  var adbPull: [Double] = []
  var libraryPull: [Double] = []
  /// CPU time of this process (which serves an in-process phone) per second of `adb push`:
  /// below 1.0 the phone had time to spare.
  var phoneCoreShareDuringAdbPush: [Double] = []

  mutating func add(adbPush: Double, libraryPush: Double, adbPull: Double, libraryPull: Double, phoneLoad: Double) {
    self.adbPush.append(adbPush)
    self.libraryPush.append(libraryPush)
    self.adbPull.append(adbPull)
    self.libraryPull.append(libraryPull)
    phoneCoreShareDuringAdbPush.append(phoneLoad)
  }

  var markdown: String {
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    func row(_ name: String, _ adb: [Double], _ library: [Double]) -> String {
      String(
        format: "| %@ %d MiB | %.0f | %.0f | %.2f× |", name, sizeMiB, median(adb), median(library),
        median(library) / median(adb))
    }
    return """
      \(target), \(adbPush.count) rounds, medians in MB/s, one adb server

      | transfer | adb CLI | DroidMatrix library | library / adb |
      |---|---|---|---|
      \(row("push", adbPush, libraryPush))
      \(row("pull", adbPull, libraryPull))

      During adb push this process (which serves the virtual phone) used \(String(format: "%.0f", median(phoneCoreShareDuringAdbPush) * 100))% of one core.
      """
  }

  var json: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}
