import ADB
import ArgumentParser
import Foundation
import Hummingbird
import LocalAPI
import Logging
import ServiceLifecycle
import TaskEngine
import VirtualPhone

/// `droidmatrix-bench task-engine`: issue 7's closing benchmark. Many virtual phones running
/// quick tasks through an in-process ``TaskEngine``, then `GET /api/v1/task` over a large
/// database next to a Hummingbird hello-world route.
struct TaskEngineBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "task-engine",
    abstract: "Task engine throughput on virtual phones; GET /api/v1/task vs a Hummingbird hello-world.",
    discussion: """
      Part 1 serves --phones virtual phones on loopback, connects to each natively, registers \
      them with an engine on a temporary SQLite file, creates phones × --tasks-per-phone tasks \
      of a bench script (one `echo ok` round trip each) in one request, and runs them all: wall \
      time, tasks/s, the process's CPU seconds and peak RSS (VmHWM).
      Part 2 fills a second database with --rows pending tasks, serves it with LocalAPIServer on \
      127.0.0.1 next to a minimal Hummingbird app answering "hello", and loads each with \
      --connections keep-alive connections of --requests requests: requests/s, p50 and p99.
      Example: swift run -c release droidmatrix-bench task-engine --phones 100 --tasks-per-phone 100
      """
  )

  @Option(help: "Virtual phones.")
  var phones = 100

  @Option(help: "Tasks per phone.")
  var tasksPerPhone = 100

  @Option(help: "Tasks in the database that GET /api/v1/task lists.")
  var rows = 100_000

  @Option(help: "Concurrent keep-alive HTTP connections per server.")
  var connections = 8

  @Option(help: "Requests per connection (after 100 untimed ones on one connection).")
  var requests = 2000

  @Option(help: "Where to write the JSON report.")
  var json: String?

  /// The most time part 1 may take before the bench gives up.
  static let runTimeout = Duration.seconds(900)

  func validate() throws {
    guard phones > 0, phones <= 1000 else { throw ValidationError("--phones must be 1…1000") }
    guard tasksPerPhone > 0, rows > 0 else { throw ValidationError("--tasks-per-phone and --rows must be positive") }
    guard connections > 0, connections <= 64 else { throw ValidationError("--connections must be 1…64") }
    guard requests > 0, requests <= 1_000_000 else { throw ValidationError("--requests must be 1…1000000") }
  }

  func run() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("droidmatrix-bench-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let phoneList = (1...phones).map {
      VirtualPhone(configuration: .init(serial: "bench-\($0)", model: "Bench Phone \($0)"))
    }
    let server = try await VirtualPhoneServer.start(phones: phoneList)
    var links: [DeviceConnection] = []
    do {
      for index in phoneList.indices {
        links.append(try await DeviceConnection.connect(host: server.host, port: server.ports[index]))
      }
      let engineReport = try await measureEngine(
        links: links, serials: phoneList.map(\.configuration.serial), path: folder.appendingPathComponent("run.db"))
      let apiReport = try await measureAPI(link: links[0], path: folder.appendingPathComponent("list.db"))
      let report = Report(engine: engineReport, api: apiReport)
      print(report.table(connections: connections))
      if let json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(report).write(to: URL(fileURLWithPath: json))
      }
    } catch {
      for link in links { await link.close() }
      await server.stop()
      throw error
    }
    for link in links { await link.close() }
    await server.stop()
  }

  // MARK: Part 1

  private func measureEngine(links: [DeviceConnection], serials: [String], path: URL) async throws -> EngineReport {
    let engine = try TaskEngine(
      configuration: .init(storage: .file(path.path)), scripts: ScriptRegistry([BenchEchoScript()]))
    for (serial, link) in zip(serials, links) {
      await engine.devices.register(serial: serial, device: link, model: "Bench Phone", source: "virtual")
    }
    let running = Task { await engine.run() }
    defer { running.cancel() }
    let cpuBefore = ProcessCPU.seconds()
    let start = ContinuousClock.now
    let request = CreateRequest(
      serials: serials, scriptName: BenchEchoScript.scriptName, scriptConfig: ["count": .int(tasksPerPhone)])
    let ids = try await engine.create(request)
    let created = ContinuousClock.now
    var stats = try await engine.stats()
    while stats.completed + stats.failed < ids.count {
      guard ContinuousClock.now - start < Self.runTimeout else {
        throw BenchFailure("part 1 timed out: \(stats.completed) of \(ids.count) completed")
      }
      try await Task.sleep(for: .milliseconds(20))
      stats = try await engine.stats()
    }
    let finished = ContinuousClock.now
    let cpu = ProcessCPU.seconds() - cpuBefore
    running.cancel()
    await running.value
    guard stats.failed == 0 else { throw BenchFailure("\(stats.failed) of \(ids.count) tasks failed") }
    return EngineReport(
      phones: serials.count, tasks: ids.count, createSeconds: HTTPLoad.seconds(created - start),
      wallSeconds: HTTPLoad.seconds(finished - start), cpuSeconds: cpu, peakRSSMiB: Self.peakRSSMiB())
  }

  // MARK: Part 2

  private func measureAPI(link: DeviceConnection, path: URL) async throws -> APIReport {
    let engine = try TaskEngine(
      configuration: .init(storage: .file(path.path)), scripts: ScriptRegistry([BenchEchoScript()]))
    await engine.devices.register(serial: "bench-list", device: link, model: "Bench Phone", source: "virtual")
    let fillStart = ContinuousClock.now
    var inserted = 0
    while inserted < rows {
      let batch = min(10_000, rows - inserted)
      inserted += try await engine.create(
        CreateRequest(
          serials: ["bench-list"], scriptName: BenchEchoScript.scriptName, scriptConfig: ["count": .int(batch)])
      ).count
    }
    let fillSeconds = HTTPLoad.seconds(ContinuousClock.now - fillStart)

    let apiPorts = AsyncStream.makeStream(of: Int.self)
    let api = LocalAPIServer(engine: engine, port: 0).buildApplication(runsEngine: false) { port in
      apiPorts.continuation.yield(port)
    }
    let helloPorts = AsyncStream.makeStream(of: Int.self)
    let router = Router()
    router.get("/hello") { _, _ in "hello" }
    let hello = Application(
      router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in helloPorts.continuation.yield(channel.localAddress?.port ?? 0) })
    let group = ServiceGroup(
      configuration: .init(services: [api, hello], logger: Logger(label: "droidmatrix-bench.task-engine")))
    let serving = Task { try await group.run() }
    defer { serving.cancel() }
    var apiIterator = apiPorts.stream.makeAsyncIterator()
    var helloIterator = helloPorts.stream.makeAsyncIterator()
    guard let apiPort = await apiIterator.next(), let helloPort = await helloIterator.next() else {
      throw BenchFailure("the HTTP servers did not start")
    }

    let listing = try await load(port: apiPort, path: "/api/v1/task")
    let greeting = try await load(port: helloPort, path: "/hello")
    await group.triggerGracefulShutdown()
    try await serving.value
    return APIReport(rows: inserted, fillSeconds: fillSeconds, list: listing, hello: greeting)
  }

  private func load(port: Int, path: String) async throws -> HTTPLoad.Result {
    _ = try await HTTPLoad(port: port, path: path, connections: 1, requestsPerConnection: 100).run()
    return try await HTTPLoad(port: port, path: path, connections: connections, requestsPerConnection: requests).run()
  }

  /// The process's peak resident set (`VmHWM` of /proc/self/status) in MiB; 0 where unavailable.
  static func peakRSSMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
      return kilobytes / 1024
    }
    return 0
  }
}

/// The bench's task: one `echo ok` round trip on the device. `count` in the configuration
/// fans one request out into that many tasks per device.
struct BenchEchoScript: TaskScript {
  /// The script's name.
  static let scriptName = "bench_echo"
  let name = BenchEchoScript.scriptName

  func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    let count = config["count"]?.intValue ?? 1
    guard count > 0 else { throw ScriptConfigError(field: "count", message: "give a positive count") }
    return Array(repeating: [:], count: count)
  }

  func run(_ task: TaskRun) async throws -> TaskOutcome {
    let output = try await task.device.shell("echo ok")
    guard output.standardOutput == "ok\n" else { throw BenchFailure("unexpected output: \(output.standardOutput)") }
    return TaskOutcome(remark: "ok")
  }
}

/// Part 1's figures.
struct EngineReport: Encodable {
  /// Virtual phones registered.
  var phones: Int
  /// Tasks created and completed.
  var tasks: Int
  /// Time `create` took (one request, one transaction).
  var createSeconds: Double
  /// From the create request until every task had completed.
  var wallSeconds: Double
  /// User + system CPU of the whole process (engine, phones and their connections) over the run.
  var cpuSeconds: Double
  /// VmHWM after the run.
  var peakRSSMiB: Double
}

/// Part 2's figures.
struct APIReport: Encodable {
  /// Tasks in the listed database.
  var rows: Int
  /// Time to insert the rows through `engine.create`.
  var fillSeconds: Double
  /// `GET /api/v1/task` (the first page, 20 tasks).
  var list: HTTPLoad.Result
  /// The hello-world route.
  var hello: HTTPLoad.Result
}

/// Both parts, as printed and as JSON.
struct Report: Encodable {
  /// Part 1.
  var engine: EngineReport
  /// Part 2.
  var api: APIReport

  /// Markdown tables of both parts.
  func table(connections: Int) -> String {
    let tasksPerSecond = Double(engine.tasks) / engine.wallSeconds
    var lines = [
      "Task engine: \(engine.phones) virtual phones × \(engine.tasks / max(engine.phones, 1)) tasks "
        + "(one `echo ok` round trip each), native connections, SQLite file", "",
      "| tasks | create s | wall s | tasks/s | CPU s | peak RSS MiB |", "|---|---|---|---|---|---|",
      String(
        format: "| %d | %.2f | %.2f | %.0f | %.2f | %.1f |", engine.tasks, engine.createSeconds, engine.wallSeconds,
        tasksPerSecond, engine.cpuSeconds, engine.peakRSSMiB),
      "",
      String(
        format: "HTTP on 127.0.0.1: %d rows (inserted in %.2f s), %d keep-alive connections, %d requests each",
        api.rows, api.fillSeconds, connections, api.list.requests / max(connections, 1)),
      "",
      "| route | body bytes | requests/s | p50 ms | p99 ms |", "|---|---|---|---|---|",
    ]
    for result in [api.list, api.hello] {
      lines.append(
        String(
          format: "| GET %@ | %d | %.0f | %.3f | %.3f |", result.path, result.bodyBytes, result.requestsPerSecond,
          result.p50Milliseconds, result.p99Milliseconds))
    }
    lines.append("")
    lines.append(
      String(
        format: "GET /api/v1/task vs hello-world: %.2f× the throughput, %.2f× the p99",
        api.list.requestsPerSecond / api.hello.requestsPerSecond, api.list.p99Milliseconds / api.hello.p99Milliseconds))
    return lines.joined(separator: "\n")
  }
}
