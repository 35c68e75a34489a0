import ChildProcess
import Foundation
import InteropSupport
import TaskEngine
import Testing

/// `droidmatrix serve --virtual-phones N` in its own process, on a free port with a scratch
/// database, driven over real HTTP with curl, as README's examples are.
final class ServeFixture: @unchecked Sendable {
  let port: Int
  let database: URL
  private let process: Process
  private let output: URL

  /// The `droidmatrix` binary built beside the test bundle.
  static var executable: String? { builtExecutable("droidmatrix") }

  private init(port: Int, database: URL, process: Process, output: URL) {
    self.port = port
    self.database = database
    self.process = process
    self.output = output
  }

  /// Starts the server and waits until it answers.
  static func start(virtualPhones: Int, database: URL? = nil, arguments extra: [String] = []) async throws
    -> ServeFixture
  {
    let executable = try #require(executable, "droidmatrix was not built next to the tests")
    let scratch = try makeTemporaryDirectory("serve")
    let database = database ?? scratch.appendingPathComponent("tasks.sqlite")
    let output = scratch.appendingPathComponent("serve.log")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let port = try freeConsecutiveLoopbackPorts(count: 1)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "serve", "--port", String(port), "--db", database.path, "--virtual-phones", String(virtualPhones),
        "--no-adb-server",
      ] + extra
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = scratch.path
    process.environment = environment
    let log = try FileHandle(forWritingTo: output)
    process.standardOutput = log
    process.standardError = log
    try process.run()
    let fixture = ServeFixture(port: port, database: database, process: process, output: output)
    for _ in 0..<300 {
      if (try? await fixture.call("GET", "/license/check"))?["code"]?.intValue == 0 { return fixture }
      guard process.isRunning else { break }
      try await Task.sleep(for: .milliseconds(100))
    }
    fixture.kill()
    throw ServeFailure("serve did not answer: \(fixture.log)")
  }

  /// What the server printed.
  var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

  /// The loopback address of virtual phone `serial`, from the server's start-up lines.
  func address(of serial: String) throws -> String {
    let line = try #require(log.split(separator: "\n").first { $0.contains("virtual phone \(serial) ") })
    return String(try #require(line.split(separator: " ").last))
  }

  /// One API call with curl; returns the decoded envelope.
  func call(_ method: String, _ path: String, json: String? = nil) async throws -> JSONValue {
    var arguments = ["-s", "-X", method, "http://127.0.0.1:\(port)/api/v1\(path)"]
    if let json { arguments += ["-H", "Content-Type: application/json", "-d", json] }
    let result = try await ChildProcess.run("/usr/bin/curl", arguments, timeout: .seconds(30))
    return try JSONValue(jsonText: result.standardOutput)
  }

  /// Stops the server with SIGTERM (graceful), or SIGKILL with `crash`.
  func kill(crash: Bool = false) {
    guard process.isRunning else { return }
    if crash { Foundation.kill(process.processIdentifier, SIGKILL) } else { process.terminate() }
    process.waitUntilExit()
  }

  /// Polls `condition` every 200 ms for up to `timeout`.
  static func eventually(timeout: Duration = .seconds(60), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if try await condition() { return true }
      try await Task.sleep(for: .milliseconds(200))
    }
    return false
  }
}

struct ServeFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
