import ChildProcess
import Foundation

/// Runs a scenario of ``USBBridgeChild`` in a child process that sees an emulated USB phone.
///
/// libusb's calls can only be intercepted by libumockdev-preload when a process starts with it,
/// so the test process cannot be the one that talks USB. Instead it starts
/// `tools/usb-bridge/umockdev-adb-bridge.py`, which builds the umockdev sandbox, serves the
/// phone's usbfs ioctls from a virtual phone over TCP, and runs this same test binary under the
/// preload library with a filter that selects one ``USBBridgeChild`` test. The child's
/// `#expect`s decide its exit status; it also writes a report, so the parent can tell a child
/// that passed from one that ran no test.
enum USBBridge {
  /// Names the ``USBBridgeChild`` scenario to run, in the child's environment.
  static let scenarioVariable = "DROIDMATRIX_USB_CHILD"
  /// The file the child appends its report lines to.
  static let reportVariable = "DROIDMATRIX_USB_CHILD_REPORT"
  /// The scenario this process runs, when it is a child.
  static let childScenario = ProcessInfo.processInfo.environment[scenarioVariable]

  /// The emulated phone's `iSerialNumber`.
  static let serial = "usb-e2e-1"

  /// Whether umockdev, its GObject introspection data and Python's `gi` are installed
  /// (Debian `umockdev gir1.2-umockdev-1.0 python3-gi`, which `tools/setup` installs).
  static let isAvailable: Bool = {
    let files = FileManager.default
    let typelibs = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"].map {
      "\($0)/girepository-1.0/UMockdev-1.0.typelib"
    }
    let preloads = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"].map {
      "\($0)/libumockdev-preload.so.0"
    }
    return files.isExecutableFile(atPath: python) && typelibs.contains { files.fileExists(atPath: $0) }
      && preloads.contains { files.fileExists(atPath: $0) }
      && files.fileExists(atPath: "/usr/lib/python3/dist-packages/gi/__init__.py")
  }()

  /// Debian's Python, which has `gi` (a `python3` earlier on PATH may be another one).
  static let python = "/usr/bin/python3"

  /// The bridge script, found from this file's place in the repository.
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("tools/usb-bridge/umockdev-adb-bridge.py").path

  /// What a child run left behind.
  struct Run {
    /// The bridge's exit status: the child's, or 3 when the host broke adbd's framing rules.
    var status: Int32
    /// The child's report lines, in order.
    var report: [String]
    /// The child's and the bridge's output, for failure messages.
    var output: String
  }

  /// Runs `scenario` against the phone at `phone` (`HOST:PORT`).
  /// - Parameter bridgeArguments: extra bridge options (`--busy`, `--plug-after 2`, …).
  static func run(
    _ scenario: String, phone: String, bridgeArguments: [String] = [], timeout: Duration = .seconds(120)
  ) async throws -> Run {
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("usb-child-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: report) }
    var environment = ProcessInfo.processInfo.environment
    environment[scenarioVariable] = scenario
    environment[reportVariable] = report
    let testBinary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    let child = [testBinary, "--testing-library", "swift-testing", "--filter", "USBBridgeChild"]
    let output = try await ChildProcess.run(
      python, [script, "--phone", phone, "--serial", serial] + bridgeArguments + ["--"] + child,
      environment: environment, timeout: timeout)
    let lines = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    return Run(status: output.status, report: lines, output: output.standardOutput + output.standardError)
  }

  /// Runs `program` with `arguments` under the bridge (the `droidmatrix` executable, say)
  /// against the phone at `phone`, and returns what it printed.
  static func runProgram(
    _ program: String, _ arguments: [String], phone: String, environment extra: [String: String] = [:],
    timeout: Duration = .seconds(120)
  ) async throws -> ChildProcess.Output {
    var environment = ProcessInfo.processInfo.environment
    environment.merge(extra) { _, new in new }
    return try await ChildProcess.run(
      python, [script, "--phone", phone, "--serial", serial, "--", program] + arguments,
      environment: environment, timeout: timeout)
  }
}
