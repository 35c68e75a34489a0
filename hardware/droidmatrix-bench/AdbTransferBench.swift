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

  @Flag(
    help: """
      Also time DroidMatrix's native device connection to the same phone (no adb server), with classic flow \
      control and with delayed-ack.
      """)
  var direct = false

  @Flag(
    help: """
      Also time DroidMatrix's native USB transport (libusb) to a phone on USB, or to the emulated one when run \
      under tools/usb-bridge/umockdev-adb-bridge.py. No adb server may hold that phone.
      """)
  var usb = false

  @Option(help: "The USB phone's serial, when several are attached (with --usb).")
  var usbSerial: String?

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
    let (adb, target) = (setup.adb, setup.target)
    var devices: [(name: String, device: any ADBDevice)] = [
      (
        "library via adb server",
        ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
          .device(target)
      )
    ]
    var connections: [DeviceConnection] = []
    // The private adb server's key (the phone already trusts it: it accepted that server), then
    // the user's keys.
    let keys =
      [try ADBKey(contentsOf: adb.home.appendingPathComponent(".android/adbkey").path)] + (try ADBKeyStore.allKeys())
    if usb {
      let connection = try await DeviceConnection.connectUSB(serial: usbSerial, options: .init(keys: keys))
      connections.append(connection)
      devices.append(("direct USB \(connection.delayedAck ? "delayed-ack" : "classic")", connection))
    }
    if direct {
      let (host, port) = try setup.hostAndPort()
      for delayedAck in [false, true] {
        let connection = try await DeviceConnection.connect(
          host: host, port: port, options: .init(keys: keys, delayedAck: delayedAck))
        connections.append(connection)
        devices.append((delayedAck && connection.delayedAck ? "direct, delayed-ack" : "direct, classic", connection))
      }
    }
    do {
      let report = try await rounds(setup, source: source, devices: devices)
      for connection in connections { await connection.close() }
      return report
    } catch {
      for connection in connections { await connection.close() }
      throw error
    }
  }

  private func rounds(_ setup: BenchSetup, source: URL, devices: [(name: String, device: any ADBDevice)])
    async throws -> TransferReport
  {
    let (adb, target, workspace) = (setup.adb, setup.target, setup.workspace)
    let megabytes = Double(sizeMib) * 1.048576
    var report = TransferReport(target: setup.targetName, sizeMiB: sizeMib)
    for round in 1...runs {
      // Every path takes its turn on the same file, phone and server, so drift hits them all.
      let cpuBefore = ProcessCPU.seconds()
      let adbPush = try await adb.timed(["-s", target, "push", source.path, "/data/local/tmp/bench.bin"])
      report.record("push", "adb CLI", megabytes / adbPush)
      report.phoneCoreShareDuringAdbPush.append((ProcessCPU.seconds() - cpuBefore) / adbPush)
      for (name, device) in devices {
        let seconds = try await device.push(source.path, to: "/data/local/tmp/bench.bin").seconds
        report.record("push", name, megabytes / seconds)
      }
      let pulled = workspace.appendingPathComponent("pulled-\(round).bin")
      let adbPull = try await adb.timed(["-s", target, "pull", "/data/local/tmp/bench.bin", pulled.path])
      try FileManager.default.removeItem(at: pulled)
      report.record("pull", "adb CLI", megabytes / adbPull)
      for (name, device) in devices {
        let seconds = try await device.pull("/data/local/tmp/bench.bin", to: pulled.path).seconds
        try FileManager.default.removeItem(at: pulled)
        report.record("pull", name, megabytes / seconds)
      }
      print("round \(round): " + report.lastRound)
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

/// The figures of one `adb-transfer` run, in MB/s (10^6 bytes per second), one value per round
/// for each transfer ("push", "pull") and path ("adb CLI", "library via adb server", "direct, …").
struct TransferReport: Codable {
  var target: String
  var sizeMiB: Int
  /// "push: adb CLI" → MB/s per round.
  var series: [String: [Double]] = [:]
  /// Series names in the order they were first recorded.
  var order: [String] = []
  /// CPU time of this process (which serves an in-process phone) per second of `adb push`:
  /// below 1.0 the phone had time to spare.
  var phoneCoreShareDuringAdbPush: [Double] = []

  mutating func record(_ transfer: String, _ path: String, _ megabytesPerSecond: Double) {
    let key = "\(transfer): \(path)"
    if series[key] == nil { order.append(key) }
    series[key, default: []].append(megabytesPerSecond)
  }

  /// The latest value of every series, on one line.
  var lastRound: String {
    order.map { String(format: "%@ %.0f", $0, series[$0]!.last!) }.joined(separator: " · ")
  }

  private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

  var markdown: String {
    let rows = order.map { key in
      let transfer = key.prefix { $0 != ":" }
      let reference = Self.median(series["\(transfer): adb CLI"] ?? [1])
      let value = Self.median(series[key]!)
      return String(format: "| %@ %d MiB | %.0f | %.2f× |", key, sizeMiB, value, value / reference)
    }
    let share = phoneCoreShareDuringAdbPush.isEmpty ? 0 : Self.median(phoneCoreShareDuringAdbPush)
    return """
      \(target), \(phoneCoreShareDuringAdbPush.count) rounds, medians in MB/s, paths taking turns in each round

      | transfer: path | MB/s | / adb CLI |
      |---|---|---|
      \(rows.joined(separator: "\n"))

      During adb push this process (which serves the virtual phone, if any) used \(String(format: "%.0f", share * 100))% of one core.
      """
  }

  var json: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}
