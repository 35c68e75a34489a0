import ADB
import ArgumentParser
import ChildProcess
import Foundation
import VirtualPhone

/// `droidmatrix-bench shell-latency`: sequential `echo` round trips through one adb server, by
/// three clients side by side: the DroidMatrix library, PyPI's adbutils, and Google's adb CLI.
struct ShellLatencyBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell-latency",
    abstract: "Median and p99 of sequential shell round trips: library vs adbutils vs adb CLI.",
    discussion: """
      Starts its own adb server on a free port with its own HOME and stops it afterwards.
      Without --address it serves a virtual phone in-process on a free loopback port.
      adbutils is measured when `python3 -c "import adbutils"` works (pip install adbutils).
      Example: swift run -c release droidmatrix-bench shell-latency --count 1000
      """
  )

  @Option(help: "Round trips per client.")
  var count = 1000

  @Option(help: "host:port of a phone in TCP mode (default: an in-process virtual phone).")
  var address: String?

  @Option(help: "Where to write the JSON report.")
  var json: String?

  func validate() throws {
    guard count > 0 else { throw ValidationError("--count must be positive") }
  }

  func run() async throws {
    let (rows, targetName) = try await BenchSetup.with(address: address) { setup in
      var rows = [try await measureLibrary(port: setup.adb.port, target: setup.target)]
      if let row = try await measureAdbutils(port: setup.adb.port, target: setup.target) { rows.append(row) }
      rows.append(try await measureCLI(adb: setup.adb, target: setup.target))
      return (rows, setup.targetName)
    }
    print(LatencyRow.table(rows, count: count, target: targetName))
    if let json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(rows).write(to: URL(fileURLWithPath: json))
    }
  }

  private func measureLibrary(port: Int, target: String) async throws -> LatencyRow {
    let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: port), startsServer: false)
    let device = client.device(target)
    var samples: [Double] = []
    for _ in 0..<count {
      let start = ContinuousClock.now
      let output = try await device.shell("echo hi")
      samples.append(milliseconds(since: start))
      guard output.standardOutput == "hi\n" else { throw BenchFailure("library: unexpected output") }
    }
    return LatencyRow(client: "DroidMatrix ADB library", samples: samples)
  }

  private func measureAdbutils(port: Int, target: String) async throws -> LatencyRow? {
    guard let python = ChildProcess.find("python3"),
      try await ChildProcess.run(python, ["-c", "import adbutils"]).status == 0
    else {
      print("adbutils is not installed; skipping it (pip install adbutils)")
      return nil
    }
    let script = """
      import sys, time, json, adbutils
      client = adbutils.AdbClient(host="127.0.0.1", port=int(sys.argv[1]))
      device = client.device(sys.argv[2])
      samples = []
      for _ in range(int(sys.argv[3])):
          start = time.perf_counter()
          out = device.shell("echo hi")
          samples.append((time.perf_counter() - start) * 1000)
          assert out.strip() == "hi", out
      print(json.dumps(samples))
      """
    let result = try await ChildProcess.run(
      python, ["-c", script, String(port), target, String(count)], timeout: .seconds(600))
    guard result.status == 0, let samples = try? JSONDecoder().decode([Double].self, from: result.stdout) else {
      throw BenchFailure("adbutils failed: \(result.standardError)")
    }
    return LatencyRow(client: "adbutils \(try await adbutilsVersion(python))", samples: samples)
  }

  private func adbutilsVersion(_ python: String) async throws -> String {
    let result = try await ChildProcess.run(python, ["-c", "import adbutils; print(adbutils.__version__)"])
    return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private func measureCLI(adb: PrivateAdbServer, target: String) async throws -> LatencyRow {
    var samples: [Double] = []
    for _ in 0..<count {
      samples.append(try await adb.timed(["-s", target, "shell", "echo", "hi"]) * 1000)
    }
    return LatencyRow(client: "adb shell (Google's CLI, one process per call)", samples: samples)
  }

  private func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
  }
}

/// One client's round-trip samples, in milliseconds.
struct LatencyRow: Encodable {
  var client: String
  var samples: [Double]

  enum CodingKeys: String, CodingKey { case client, count, medianMilliseconds, p99Milliseconds }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(client, forKey: .client)
    try container.encode(samples.count, forKey: .count)
    try container.encode(median, forKey: .medianMilliseconds)
    try container.encode(p99, forKey: .p99Milliseconds)
  }

  var median: Double { percentile(0.5) }
  var p99: Double { percentile(0.99) }

  func percentile(_ fraction: Double) -> Double {
    let sorted = samples.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
  }

  static func table(_ rows: [LatencyRow], count: Int, target: String) -> String {
    let reference = rows.first?.median ?? 1
    var lines = [
      "\(count) sequential `echo hi` round trips → \(target), one adb server", "",
      "| client | median ms | p99 ms | median vs library |", "|---|---|---|---|",
    ]
    for row in rows {
      lines.append(
        String(format: "| %@ | %.3f | %.3f | %.2f× |", row.client, row.median, row.p99, row.median / reference))
    }
    return lines.joined(separator: "\n")
  }
}
