import ChildProcess
import Foundation

/// Google's adb server on a free port with its own HOME, for one benchmark run. Only the server
/// this type started is ever stopped.
struct PrivateAdbServer {
  let executable: String
  let home: URL
  let port: Int

  init(executable: String, home: URL, port: Int) throws {
    self.executable = executable
    self.home = home
    self.port = port
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  func start() async throws {
    let result = try await adb(["start-server"])
    guard result.status == 0 else { throw BenchFailure("adb start-server: \(result.standardError)") }
  }

  func connect(_ address: String) async throws {
    let result = try await adb(["connect", address])
    guard result.standardOutput.contains("connected to") else {
      throw BenchFailure("adb connect \(address): \(result.standardOutput)")
    }
  }

  /// Runs `adb ARGS…` and returns its wall time in seconds.
  func timed(_ arguments: [String]) async throws -> Double {
    let start = ContinuousClock.now
    let result = try await adb(arguments, timeout: .seconds(600))
    let elapsed = ContinuousClock.now - start
    guard result.status == 0 else {
      throw BenchFailure("adb \(arguments.joined(separator: " ")): \(result.standardError)")
    }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  func kill() async {
    _ = try? await adb(["kill-server"])
  }

  private func adb(_ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ChildProcess.Output {
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment.removeValue(forKey: "ADB_VENDOR_KEYS")
    return try await ChildProcess.run(
      executable, ["-P", String(port)] + arguments, environment: environment, timeout: timeout)
  }
}

/// A benchmark step that failed, in the words of the tool that failed.
struct BenchFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
