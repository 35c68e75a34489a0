import ChildProcess
import Foundation
import Testing

/// A private adb server for one test: Google's adb (Debian package `adb`) on a free port, with
/// its own HOME (so its own `~/.android/adbkey`). The test stops it; nothing else is touched.
public struct AdbServer: Sendable {
  /// Path of the adb binary, or nil when adb is not installed.
  public static let executable = ChildProcess.find("adb")

  /// The port the server listens on.
  public let port: Int
  /// The HOME the server and its clients see.
  public let home: URL

  /// Runs `body` with a started server and always stops the server afterwards.
  /// - Parameter home: a prepared HOME (for example holding a chosen `.android/adbkey`).
  public static func with<T>(home: URL? = nil, _ body: (AdbServer) async throws -> T) async throws -> T {
    let home = try home ?? makeTemporaryDirectory("adb-home")
    let server = AdbServer(port: try freeLoopbackPort(), home: home)
    let started = try await server.run(["start-server"], timeout: .seconds(30))
    guard started.status == 0 else {
      throw AdbFailure("adb start-server failed: \(started.standardError)")
    }
    do {
      let result = try await body(server)
      await server.kill()
      return result
    } catch {
      await server.kill()
      throw error
    }
  }

  /// Runs `adb -P PORT ARGS…` against this server.
  public func run(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> ChildProcess.Output {
    guard let adb = Self.executable else { throw AdbFailure("adb is not installed (run tools/setup)") }
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = home.path
    environment["ANDROID_ADB_SERVER_PORT"] = String(port)
    environment.removeValue(forKey: "ADB_VENDOR_KEYS")
    environment.removeValue(forKey: "ANDROID_SERIAL")
    environment.removeValue(forKey: "ADB_SERVER_SOCKET")
    return try await ChildProcess.run(
      adb, ["-P", String(port)] + arguments, environment: environment, timeout: timeout)
  }

  /// `adb connect` to `address`, returning what adb printed.
  public func connect(_ address: String) async throws -> String {
    try await run(["connect", address], timeout: .seconds(30)).standardOutput
  }

  /// Polls `adb devices` until `serial` is in `state` (e.g. "device", "unauthorized").
  public func waitFor(_ serial: String, state: String, timeout: Duration = .seconds(10)) async throws {
    let deadline = ContinuousClock.now + timeout
    var last = ""
    while ContinuousClock.now < deadline {
      last = try await run(["devices"]).standardOutput
      if last.split(separator: "\n").contains(where: { $0 == "\(serial)\t\(state)" }) { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw AdbFailure("\(serial) never reached state \(state); adb devices said:\n\(last)")
  }

  /// Stops this server (`adb kill-server`).
  public func kill() async {
    _ = try? await run(["kill-server"], timeout: .seconds(15))
  }
}

/// A failed expectation about adb, with adb's own words.
public struct AdbFailure: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// A new empty directory under the system's temporary directory.
public func makeTemporaryDirectory(_ prefix: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Whether Google's adb is available; interop tests are skipped (with this reason) without it.
public let adbIsInstalled = AdbServer.executable != nil

/// `count` random bytes from the kernel (fast even in a debug build).
public func randomBytes(count: Int) throws -> Data {
  guard let urandom = FileHandle(forReadingAtPath: "/dev/urandom") else { throw AdbFailure("no /dev/urandom") }
  defer { try? urandom.close() }
  return try urandom.read(upToCount: count) ?? Data()
}
