import Foundation

/// The path of an executable SwiftPM built beside the test bundle (`droidmatrix`,
/// `virtual-phone`), found by walking up from the test binary; nil when it was not built.
public func builtExecutable(_ name: String) -> String? {
  var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent(name).path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    directory.deleteLastPathComponent()
  }
  return nil
}
