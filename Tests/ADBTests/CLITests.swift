import ADB
import ChildProcess
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// The `droidmatrix` executable against Google's adb server and virtual phones.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct CLITests {
  /// The `droidmatrix` binary built next to the test bundle.
  static var executable: String? { builtExecutable("droidmatrix") }

  /// Runs `droidmatrix ARGS…` with `--server` on `port` (when given) and a clean environment.
  static func droidmatrix(
    _ arguments: [String], port: Int?, environment extra: [String: String] = [:]
  ) async throws -> ChildProcess.Output {
    let executable = try #require(executable, "droidmatrix was not built next to the tests")
    var environment = ProcessInfo.processInfo.environment
    for name in ["ANDROID_SERIAL", "ADB_SERVER_SOCKET", "ANDROID_ADB_SERVER_PORT", "ANDROID_ADB_SERVER_ADDRESS"] {
      environment.removeValue(forKey: name)
    }
    environment.merge(extra) { _, new in new }
    // `--server` goes right after the subcommand, before any `--`.
    var words = arguments
    if let port { words.insert(contentsOf: ["--server", "127.0.0.1:\(port)"], at: min(1, words.count)) }
    return try await ChildProcess.run(executable, words, environment: environment, timeout: .seconds(30))
  }

  /// Runs `body` with a private adb server and `count` connected phones.
  static func withPhones(count: Int = 1, _ body: (AdbServer, [String]) async throws -> Void) async throws {
    try await PhoneFixture.with(count: count) { phones in
      try await AdbServer.with { adb in
        for address in phones.addresses {
          _ = try await adb.connect(address)
          try await adb.waitFor(address, state: "device")
        }
        try await body(adb, phones.addresses)
      }
    }
  }

  @Test func devicesLongMatchesAdbDevicesL() async throws {
    try await Self.withPhones(count: 2) { adb, _ in
      let ours = try await Self.droidmatrix(["devices", "-l"], port: adb.port)
      let theirs = try await adb.run(["devices", "-l"])
      #expect(ours.status == 0)
      #expect(ours.standardOutput == theirs.standardOutput)
      let short = try await Self.droidmatrix(["devices"], port: adb.port)
      #expect(short.standardOutput == (try await adb.run(["devices"])).standardOutput)
    }
  }

  @Test func shellPassesExitStatusAndKeepsStreamsApart() async throws {
    try await Self.withPhones { adb, serials in
      let exit = try await Self.droidmatrix(["shell", "-s", serials[0], "--", "exit 7"], port: adb.port)
      #expect(exit.status == 7)
      let stderr = try await Self.droidmatrix(["shell", "-s", serials[0], "--", "echo oops >&2"], port: adb.port)
      #expect(stderr.status == 0)
      #expect(stderr.standardOutput == "")
      #expect(stderr.standardError == "oops\n")
      // The words join with spaces, as adb's do; the only device is the default.
      let words = try await Self.droidmatrix(["shell", "echo", "a", "b"], port: adb.port)
      #expect(words.standardOutput == "a b\n")
      let environment = try await Self.droidmatrix(
        ["shell", "echo", "hi"], port: adb.port, environment: ["ANDROID_SERIAL": "nope:1"])
      #expect(environment.status != 0)
      #expect(environment.standardError.contains("device 'nope:1' not found"))
    }
  }

  @Test func unknownSerialIsOneLineError() async throws {
    try await Self.withPhones { adb, _ in
      let result = try await Self.droidmatrix(["shell", "-s", "nope:1", "--", "true"], port: adb.port)
      #expect(result.status == 1)
      #expect(result.standardOutput == "")
      #expect(result.standardError == "droidmatrix: device 'nope:1' not found; see `droidmatrix devices`\n")
    }
  }

  @Test func missingServerIsAClearError() async throws {
    let port = try freeLoopbackPort()
    let result = try await Self.droidmatrix(["devices"], port: port)
    #expect(result.status == 1)
    #expect(
      result.standardError
        == "droidmatrix: cannot reach the adb server at 127.0.0.1:\(port); start it with `adb start-server`\n")
  }

  @Test func choosesTheOnlyDeviceOrSaysWhy() async throws {
    try await AdbServer.with { adb in
      let none = try await Self.droidmatrix(["shell", "true"], port: adb.port)
      #expect(none.status == 1)
      #expect(none.standardError == "droidmatrix: no devices; connect one or start a virtual phone\n")
    }
    try await Self.withPhones(count: 2) { adb, _ in
      let two = try await Self.droidmatrix(["shell", "true"], port: adb.port)
      #expect(two.status == 1)
      #expect(two.standardError == "droidmatrix: more than one device; pass -s SERIAL\n")
    }
  }

  @Test func forwardReverseConnectAndDisconnect() async throws {
    try await PhoneFixture.with { phones in
      try await AdbServer.with { adb in
        let address = phones.addresses[0]
        let connected = try await Self.droidmatrix(["connect", address], port: adb.port)
        #expect(connected.standardOutput == "connected to \(address)\n")
        try await adb.waitFor(address, state: "device")

        let port = try await Self.droidmatrix(["forward", "tcp:0", "tcp:8080"], port: adb.port)
        let number = try #require(Int(port.standardOutput.trimmingCharacters(in: .newlines)))
        let list = try await Self.droidmatrix(["forward", "--list"], port: adb.port)
        #expect(list.standardOutput == "\(address) tcp:\(number) tcp:8080\n")
        #expect(try await Self.droidmatrix(["forward", "--remove-all"], port: adb.port).status == 0)
        #expect(ADBForward.parseList(try await adb.run(["forward", "--list"]).standardOutput).isEmpty)

        let devicePort = try freeLoopbackPort()  // The phone really listens there.
        #expect(try await Self.droidmatrix(["reverse", "tcp:\(devicePort)", "tcp:8000"], port: adb.port).status == 0)
        let reverses = try await Self.droidmatrix(["reverse", "--list"], port: adb.port)
        #expect(reverses.standardOutput.hasSuffix(" tcp:\(devicePort) tcp:8000\n"))
        let missing = try await Self.droidmatrix(["reverse", "--remove", "tcp:1"], port: adb.port)
        #expect(missing.status == 1)
        #expect(missing.standardError == "droidmatrix: listener 'tcp:1' not found\n")

        let disconnected = try await Self.droidmatrix(["disconnect", address], port: adb.port)
        #expect(disconnected.standardOutput == "disconnected \(address)\n")
      }
    }
  }

  @Test func pushesAndPullsWithASummary() async throws {
    try await Self.withPhones { adb, serials in
      let directory = try makeTemporaryDirectory("cli-sync")
      defer { try? FileManager.default.removeItem(at: directory) }
      let original = directory.appendingPathComponent("data.bin")
      let bytes = try randomBytes(count: 200_000)
      try bytes.write(to: original)
      let pushed = try await Self.droidmatrix(
        ["push", "-s", serials[0], original.path, "/data/local/tmp/data.bin"], port: adb.port)
      #expect(pushed.status == 0, "\(pushed.standardError)")
      #expect(pushed.standardOutput.hasPrefix("1 file pushed, 200000 bytes in "))
      #expect(pushed.standardOutput.hasSuffix(" MB/s)\n"))
      let copy = directory.appendingPathComponent("copy.bin")
      let pulled = try await Self.droidmatrix(
        ["pull", "-s", serials[0], "/data/local/tmp/data.bin", copy.path], port: adb.port)
      #expect(pulled.status == 0, "\(pulled.standardError)")
      #expect(pulled.standardOutput.hasPrefix("1 file pulled, 200000 bytes in "))
      #expect(try Data(contentsOf: copy) == bytes)
      let missing = try await Self.droidmatrix(["pull", "-s", serials[0], "/nope", copy.path], port: adb.port)
      #expect(missing.status == 1)
      #expect(missing.standardError.hasPrefix("droidmatrix: "))
      #expect(missing.standardError.split(separator: "\n").count == 1)
    }
  }

  @Test(arguments: [
    ["forward"], ["forward", "tcp:1"], ["forward", "--list", "tcp:1", "tcp:2"], ["forward", "8080", "8080"],
    ["reverse", "--remove-all", "--list"], ["shell"], ["devices", "--server", "nowhere"],
  ])
  func rejectsBadArguments(_ arguments: [String]) async throws {
    // Validation happens before any server is contacted; a dead port makes sure of it.
    let result = try await Self.droidmatrix(arguments, port: try freeLoopbackPort())
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: "))
  }
}
