import ADB
import ArgumentParser
import Foundation
import TaskEngine
import TikTok

/// `droidmatrix run SCRIPT [-s SERIAL] --config JSON [--account NAME]`: runs one TikTok script
/// on one phone directly, with no server and no database, and prints each task's outcome.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a TikTok script on one phone, without a server, and print its outcome as JSON.",
    discussion: """
      Scripts: \(TikTokScripts.registry.names.joined(separator: ", ")). The configuration is \
      the `script_config` object of the Local API (API.md), as JSON text or @FILE. A script that \
      fans out (follow: one task per user) runs its tasks in turn; each prints one line \
      {"task": N, "status": "completed"|"failed", "remark": …, "result": …}. Step messages go to \
      stderr. Exit status 1 when a task failed.
      Example: droidmatrix run follow -s 127.0.0.1:5555 --config '{"target_users": ["alice"]}'
      """)

  @Argument(help: "The script's name (follow, like, post, …).")
  var script: String

  @OptionGroup var target: DeviceOptions

  @Option(help: ArgumentHelp("The script_config as JSON, or @FILE.", valueName: "json"))
  var config: String = "{}"

  @Option(help: ArgumentHelp("Switch to this logged-in account first.", valueName: "name"))
  var account: String?

  func validate() throws {
    guard TikTokScripts.registry[script] != nil else {
      throw ValidationError(
        "unknown script \(script.debugDescription); one of: \(TikTokScripts.registry.names.joined(separator: ", "))")
    }
  }

  func run() async throws {
    let failed = try await Terminal.reportingErrors {
      let script = TikTokScripts.registry[self.script]!
      let json = try Self.readConfig(config)
      return try await target.withDevice { device in
        let context = PlanContext(executor: TaskExecutor(serial: device.serial, username: account), jobCount: 0)
        let tasks: [JSONValue]
        do {
          tasks = try script.plan(config: json, context: context)
        } catch {
          throw ValidationError("\(error)")
        }
        var failed = false
        for (index, taskConfig) in tasks.enumerated() {
          let run = TaskRun(
            taskID: index + 1, serial: device.serial, username: account, device: device, config: taskConfig,
            log: { Terminal.write("[task \(index + 1)] \($0)\n", to: Terminal.standardError) })
          var line: [String: JSONValue] = ["task": .int(index + 1)]
          do {
            let outcome = try await script.run(run)
            line["status"] = "completed"
            line["remark"] = .string(outcome.remark)
            line["result"] = outcome.result ?? .null
          } catch {
            failed = true
            line["status"] = "failed"
            line["remark"] = .string((error as? any TaskFailureConvertible)?.taskFailure.message ?? "\(error)")
          }
          Terminal.write(JSONValue.object(line).jsonText + "\n")
        }
        return failed
      }
    }
    if failed { throw ExitCode.failure }
  }

  /// The configuration from JSON text or `@FILE`.
  static func readConfig(_ text: String) throws -> JSONValue {
    var source = text
    if text.hasPrefix("@") {
      let path = String(text.dropFirst())
      guard let data = FileManager.default.contents(atPath: path) else { throw UnreadableFile(path: path) }
      source = String(decoding: data, as: UTF8.self)
    }
    do {
      return try JSONValue(jsonText: source)
    } catch {
      throw ValidationError("--config is not JSON: \(error)")
    }
  }
}
