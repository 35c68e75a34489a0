@testable import VirtualPhone

/// A fresh phone with a fixed clock (2026-11-24 00:30:00 UTC), so listings are stable.
func makeTestPhone(width: Int = 1080, height: Int = 2400) -> VirtualPhone {
  VirtualPhone(configuration: .init(serial: "vphone-test", model: "Pixel 7", screenWidth: width, screenHeight: height))
}

/// The fixed time used by file-system tests: 2026-11-24 00:30:00 UTC.
let fixedTime: Int64 = 1_795_480_200

extension VirtualPhone {
  /// Runs a command line and returns the result.
  func sh(_ line: String, stdin: [UInt8] = []) -> ShellResult {
    runShell(line, stdin: stdin)
  }
}
