import ADB
import ArgumentParser
import Foundation
import LocalAPI
import TaskEngine
import TikTok
import VirtualPhone

/// `droidmatrix serve`: the task engine and the TikMatrix-compatible Local API on port 50809.
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Run the task engine and the Local API (TikMatrix-compatible REST, port 50809).",
    discussion: """
      Devices come from the local adb server (when one is reachable; --server names others), \
      --direct addresses, USB phones (--usb), and --virtual-phones N: N simulated phones with \
      TikTok, served in this process (also on loopback ports, for `adb connect`), each logged \
      in to one account (vphone1, vphone2, …). Tasks live in SQLite at --db (default: \
      $XDG_DATA_HOME/droidmatrix/droidmatrix.sqlite, else ~/.local/share/droidmatrix/…).
      Example: droidmatrix serve --virtual-phones 3, then
        curl -s http://127.0.0.1:50809/api/v1/license/check
      """)

  @Option(help: "The port to listen on.") var port = LocalAPIServer.defaultPort
  @Option(help: "The address to bind (loopback by default).") var host = LocalAPIServer.defaultHost
  @Option(help: ArgumentHelp("The SQLite database file.", valueName: "path")) var db: String?
  @Option(help: "Simulated phones with TikTok to start and register.") var virtualPhones = 0
  @Option(
    name: .customLong("server"), help: ArgumentHelp("An adb server to take devices from.", valueName: "host:port"))
  var servers: [String] = []
  @Option(
    name: .customLong("direct"), help: ArgumentHelp("A phone to reach natively over TCP.", valueName: "host:port"))
  var directs: [String] = []
  @Flag(help: "Take phones on USB, natively (no adb server may hold them).") var usb = false
  @Flag(help: "Do not look for the local adb server.") var noAdbServer = false
  @Option(help: "The most devices running tasks at once (0: no cap).") var maxConcurrent = 0
  @Option(help: ArgumentHelp("Require `Authorization: Bearer TOKEN` on every request.", valueName: "token"))
  var token: String?

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    guard virtualPhones >= 0, virtualPhones <= 500 else { throw ValidationError("--virtual-phones must be 0…500") }
    guard maxConcurrent >= 0 else { throw ValidationError("--max-concurrent cannot be negative") }
    for address in servers where ADBServerAddress(parsing: address) == nil {
      throw ValidationError("--server must be HOST:PORT, got \(address.debugDescription)")
    }
    for address in directs where NativeOptions.parse(address) == nil {
      throw ValidationError("--direct must be HOST[:PORT], got \(address.debugDescription)")
    }
  }

  func run() async throws {
    try await Terminal.reportingErrors {
      let path = try Self.databasePath(db)
      var sources: [DeviceSource] = servers.compactMap { ADBServerAddress(parsing: $0) }.map { .adbServer($0) }
      if servers.isEmpty && !noAdbServer, let local = try? ADBServerAddress.fromEnvironment(ProcessEnvironment.current)
      {
        sources.append(.adbServer(local))
      }
      sources += directs.compactMap { NativeOptions.parse($0) }.map { .direct(host: $0.host, port: $0.port) }
      if usb { sources.append(.usb) }
      let engine = try TaskEngine(
        configuration: .init(
          storage: .file(path), maxConcurrent: maxConcurrent, deviceSources: sources,
          connectionOptions: .init(keys: try ADBKeyStore.allKeys())),
        scripts: TikTokScripts.registry)
      if engine.recoveredTaskCount > 0 {
        Terminal.write(
          "droidmatrix: \(engine.recoveredTaskCount) task(s) interrupted by a restart were marked failed\n")
      }
      let phones = try await VirtualFleet.start(count: virtualPhones, engine: engine)
      Terminal.write("DroidMatrix Local API on http://\(host):\(port)\(LocalAPIServer.basePath) (database \(path))\n")
      for line in phones.summary { Terminal.write(line + "\n") }
      do {
        try await LocalAPIServer(engine: engine, host: host, port: port, token: token).run()
      } catch {
        await phones.stop()
        throw error
      }
      await phones.stop()
    }
  }

  /// `--db`, else the user's data directory, created when missing.
  static func databasePath(_ explicit: String?) throws -> String {
    if let explicit { return explicit }
    let environment = ProcessInfo.processInfo.environment
    let base =
      environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/share"
    let folder = base + "/droidmatrix"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder + "/droidmatrix.sqlite"
  }
}
