/// `am start|force-stop|kill|broadcast` and `monkey -p PKG … 1`: the activity manager front
/// end over ``PhoneSystem``.
enum ActivityCommands {
  /// Intent.FLAG_RECEIVER_INCLUDE_BACKGROUND, which `am broadcast` adds.
  static let includeBackgroundFlag: UInt32 = 0x0040_0000
  /// Intent.FLAG_ACTIVITY_NEW_TASK, shown when resolution fails.
  static let newTaskFlag: UInt32 = 0x1000_0000

  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("am", activityManager)
    registry.register("monkey", monkey)
    return registry
  }

  static func activityManager(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard let verb = arguments.first else {
      context.printError(
        "Activity manager (activity) commands:\n  start [options] INTENT\n  force-stop PACKAGE\n  broadcast [options] INTENT\n"
      )
      return 255
    }
    let rest = Array(arguments.dropFirst())
    switch verb {
    case "start", "start-activity": return start(rest, &context)
    case "force-stop", "kill":
      guard let package = rest.last(where: { !$0.hasPrefix("-") && Int($0) == nil }) else {
        return context.fail("Error: no package specified", status: 255)
      }
      if verb == "force-stop" || context.system.foregroundActivity.package != package {
        context.system.forceStop(package)
      }
      return 0
    case "broadcast": return broadcast(rest, &context)
    default:
      context.printError("Error: Unknown command: \(verb)\n")
      return 255
    }
  }

  static func start(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let intent = IntentArguments(arguments)
    if let error = intent.error {
      context.printError(error + "\n")
      return 255
    }
    let system = context.system
    context.print("Starting: \(intent.description())\n")
    let target: ComponentName? =
      intent.component
      ?? (intent.data == nil && intent.action != nil && intent.action != "android.intent.action.MAIN"
        ? nil : system.resolveActivity(uri: intent.data, package: intent.package))
    guard let target else {
      context.printError(
        "Error: Activity not started, unable to resolve \(intent.description(extraFlags: newTaskFlag))\n")
      return 1
    }
    if intent.commandFlags.contains("-S") { system.forceStop(target.package) }
    let launch: PhoneSystem.LaunchState
    do {
      launch = try system.startActivity(target, intent: ActivityIntent(action: intent.action, data: intent.data))
    } catch {
      context.printError("Error type 3\nError: Activity class {\(target.description)} does not exist.\n")
      return 1
    }
    if launch == .hot {
      context.print(
        "Warning: Activity not started, intent has been delivered to currently running top-most instance.\n")
    }
    if intent.commandFlags.contains("-W") {
      let totalTime = launch == .cold ? 350 : 120
      context.print("Status: ok\n")
      context.print(launch == .hot ? "LaunchState: UNKNOWN (0)\n" : "LaunchState: \(launch.rawValue)\n")
      context.print("Activity: \(target.shortString)\n")
      if launch != .hot { context.print("TotalTime: \(totalTime)\n") }
      context.print("WaitTime: \(launch == .hot ? 3 : totalTime + 10)\nComplete\n")
    }
    return 0
  }

  static func broadcast(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let intent = IntentArguments(arguments)
    if let error = intent.error {
      context.printError(error + "\n")
      return 255
    }
    context.print("Broadcasting: \(intent.description(extraFlags: includeBackgroundFlag))\n")
    let outcome = context.system.sendBroadcast(
      Broadcast(
        action: intent.action, data: intent.data, extras: intent.extras, package: intent.package,
        component: intent.component))
    context.print(
      "Broadcast completed: result=\(outcome.resultCode)\(outcome.resultData.map { ", data=\"\($0)\"" } ?? "")\n")
    return 0
  }

  /// `monkey -p PKG -c android.intent.category.LAUNCHER 1`: starts the package's launcher activity.
  static func monkey(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var packages: [String] = []
    var categories: [String] = []
    var count = 0
    var words = arguments[...]
    while let word = words.popFirst() {
      switch word {
      case "-p": words.popFirst().map { packages.append($0) }
      case "-c": words.popFirst().map { categories.append($0) }
      case "-s", "--throttle", "--pct-touch", "--pct-motion", "--pct-syskeys", "--pct-appswitch": _ = words.popFirst()
      default: if let number = Int(word) { count = number }
      }
    }
    // The monkey wrapper script and Monkey.java echo their arguments before running.
    context.print(arguments.map { "  bash arg: \($0)\n" }.joined())
    context.print("args: [\(arguments.joined(separator: ", "))]\n")
    context.print(arguments.map { " arg: \"\($0)\"\n" }.joined())
    context.print((packages + categories).map { "data=\"\($0)\"\n" }.joined())
    guard let package = packages.first(where: { context.system.package(named: $0)?.launchActivity != nil }) else {
      context.print("** No activities found to run, monkey aborted.\n")
      return 252
    }
    if count > 0 { context.system.launch(package: package) }
    context.print("Events injected: \(count)\n")
    context.print("## Network stats: elapsed time=22ms (0ms mobile, 0ms wifi, 22ms not connected)\n")
    return 0
  }
}
