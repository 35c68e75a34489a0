/// `getprop`, `setprop` and `settings` over ``PhoneSystem``'s properties and settings.
enum PropertyCommands {
  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("getprop", getProperty)
    registry.register("setprop", setProperty)
    registry.register("settings", settings)
    return registry
  }

  /// `getprop` lists `[key]: [value]` sorted; `getprop KEY [DEFAULT]` prints one value (or an
  /// empty line).
  static func getProperty(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard let key = arguments.first else {
      context.print(
        context.system.properties.sorted { $0.key < $1.key }.map { "[\($0.key)]: [\($0.value)]\n" }.joined())
      return 0
    }
    context.print((context.system.property(key) ?? (arguments.count > 1 ? arguments[1] : "")) + "\n")
    return 0
  }

  static func setProperty(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard arguments.count == 2 else {
      context.printError("usage: setprop NAME VALUE\n\nSets an Android system property.\n")
      return 1
    }
    guard context.system.setProperty(arguments[0], to: arguments[1]) else {
      context.printError(
        "Failed to set property '\(arguments[0])' to '\(arguments[1])'.\nSee dmesg for error reason.\n")
      return 1
    }
    return 0
  }

  /// `cmd settings`: `get|put|delete|list NAMESPACE [KEY [VALUE]]`, with an optional `--user N`.
  static func settings(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var words = arguments
    if let user = words.firstIndex(of: "--user"), user + 1 < words.count { words.removeSubrange(user...(user + 1)) }
    guard words.count >= 2, let verb = words.first else { return usage(&context) }
    guard let namespace = SettingsNamespace(rawValue: words[1]) else {
      context.printError("Invalid namespace '\(words[1])'\n")
      return 255
    }
    let system = context.system
    switch (verb, words.count) {
    case ("get", 3):
      context.print((system.setting(namespace, words[2]) ?? "null") + "\n")
    case ("put", 4...):
      system.setSetting(namespace, words[2], to: words[3])
    case ("delete", 3):
      let existed = system.setting(namespace, words[2]) != nil
      system.setSetting(namespace, words[2], to: nil)
      context.print("Deleted \(existed ? 1 : 0) rows\n")
    case ("list", 2):
      context.print(system.settings(namespace).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
    default:
      return usage(&context)
    }
    return 0
  }

  private static func usage(_ context: inout ShellCommandContext) -> Int32 {
    context.printError(
      """
      Settings provider (settings) commands:
        get [--user <USER_ID> | current] NAMESPACE KEY
        put [--user <USER_ID> | current] NAMESPACE KEY VALUE [TAG] [default]
        delete [--user <USER_ID> | current] NAMESPACE KEY
        list [--user <USER_ID> | current] NAMESPACE
      NAMESPACE is one of {system, secure, global}, case-insensitive

      """)
    return 255
  }
}
