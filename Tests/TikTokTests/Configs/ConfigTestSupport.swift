import Foundation
import TaskEngine
import TikTok

/// What the config tests share: plan contexts, refusals, and media folders on disk.
enum ConfigTestSupport {
  /// A context for executor `serial` with job count `jobCount`.
  static func context(jobCount: Int = 0, serial: String = "A1", index: Int = 0) -> PlanContext {
    PlanContext(executor: TaskExecutor(serial: serial), jobCount: jobCount, executorIndex: index)
  }

  /// The error decoding `json` as `Config` throws, or nil when it decodes.
  static func refusal<Config: TikTokScriptConfig>(_ type: Config.Type, _ json: JSONValue) -> ScriptConfigError? {
    do {
      _ = try Config(json: json)
      return nil
    } catch {
      return error
    }
  }
}

/// A folder of empty files under the temporary directory, removed by ``remove()``.
struct MediaFolder {
  /// The folder's path.
  let path: String

  /// Creates the folder with empty files named `names`.
  init(_ names: [String]) throws {
    path =
      FileManager.default.temporaryDirectory.appendingPathComponent("droidmatrix-configs-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for name in names where !FileManager.default.createFile(atPath: file(name), contents: Data()) {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file(name)])
    }
  }

  /// The path of `name` in the folder.
  func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }

  /// Deletes the folder.
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
