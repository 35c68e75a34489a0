import ADB
import DeviceControl
public import TaskEngine

/// A TikTok script for the task engine: its typed configuration decides the tasks
/// (``TikTokScriptConfig/fanOut(context:using:)``), and its flow runs each one on a phone.
///
/// Every run starts TikTok, switches to the task's account when it has one, runs the flow with
/// pop-up watchers on, and reports the remark (and result) of what it did.
public struct TikTokScript<Config: TikTokScriptConfig>: TaskScript {
  /// The `script_name`.
  public let name: String
  /// The flow of one task.
  let flow: @Sendable (TikTokSession, Config) async throws -> TaskOutcome

  /// A script named `name` whose tasks run `flow`.
  public init(_ name: String, flow: @escaping @Sendable (TikTokSession, Config) async throws -> TaskOutcome) {
    self.name = name
    self.flow = flow
  }

  public func plan(config: JSONValue, context: PlanContext) throws(ScriptConfigError) -> [JSONValue] {
    try Config(json: config).fanOut(context: context).map(\.json)
  }

  public func run(_ task: TaskRun) async throws -> TaskOutcome {
    let config: Config
    do {
      config = try Config(json: task.config)
    } catch {
      throw TaskFailure(code: "invalid_config", message: error.description)
    }
    let session = await TikTokSession.start(on: task.device, log: { await task.log($0) })
    return try await run(config, account: task.username, in: session)
  }

  /// Runs one task's flow in `session` (for `droidmatrix run` and tests).
  public func run(_ config: Config, account: String?, in session: TikTokSession) async throws -> TaskOutcome {
    try await session.launch()
    if let account { try await session.switchAccount(to: account) }
    try Task.checkCancellation()
    return try await flow(session, config)
  }
}

/// A random emoji to add to a comment or message (`insert_emoji`).
enum Emoji {
  static let choices = ["😀", "🔥", "👍", "😍", "🎉", "💯", "🙌", "✨", "😂", "❤️"]

  /// `text` with an emoji appended when `insert` is true.
  static func decorate(_ text: String, insert: Bool) -> String {
    insert ? text + " " + (choices.randomElement() ?? "🔥") : text
  }
}
