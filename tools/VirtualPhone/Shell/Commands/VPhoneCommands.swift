/// `vphone`: the virtual phone's own command, for tests that check what an app did without
/// reading its screens. Nothing like it exists on a real phone.
///
/// - `vphone state [PACKAGE]` prints an app model's ``AppModel/stateReport`` (TikTok prints
///   JSON: accounts, follows, likes, comments, posts, …). Without a package it reports TikTok
///   when installed, else the first installed app that has a report.
enum VPhoneCommands {
  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("vphone", vphone)
    return registry
  }

  static let usage = "usage: vphone state [PACKAGE]\n"

  static func vphone(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard arguments.first == "state", arguments.count <= 2 else {
      context.printError(usage)
      return 1
    }
    let system = context.system
    let engine: AppEngine?
    if arguments.count == 2 {
      engine = system.appEngine(forPackage: arguments[1])
    } else {
      let packages = [TikTok.package] + system.installedPackages.keys.sorted()
      engine = packages.lazy.compactMap { system.appEngine(forPackage: $0) }.first { $0.model.stateReport != nil }
    }
    guard let engine, let report = engine.model.stateReport else {
      return context.fail("no app state to report" + (arguments.count == 2 ? " for \(arguments[1])" : ""))
    }
    let text = report(engine.state(on: system))
    context.print(text.hasSuffix("\n") ? text : text + "\n")
    return 0
  }
}
