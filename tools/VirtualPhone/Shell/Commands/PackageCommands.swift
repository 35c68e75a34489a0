/// `pm list packages|path|clear` and `ime list|enable|disable|set` over ``PhoneSystem``.
enum PackageCommands {
  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("pm", packageManager)
    registry.register("ime", inputMethods)
    return registry
  }

  static func packageManager(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let system = context.system
    switch arguments.first {
    case "list" where arguments.dropFirst().first == "packages":
      let options = CommandOptions(Array(arguments.dropFirst(2)), flags: "3sfdeiUu", valued: "")
      let filter = options.operands.first ?? ""
      let packages = system.installedPackages.values
        .filter { filter.isEmpty || $0.name.contains(filter) }
        .filter { !options.has("3") || !$0.isSystem }
        .filter { !options.has("s") || $0.isSystem }
        .sorted { $0.name < $1.name }
      context.print(packages.map { "package:\(options.has("f") ? $0.apkPath + "=" : "")\($0.name)\n" }.joined())
      return 0
    case "path":
      guard arguments.count > 1, let app = system.package(named: arguments[1]) else { return 1 }
      context.print("package:\(app.apkPath)\n")
      return 0
    case "clear":
      guard arguments.count > 1, system.package(named: arguments[arguments.count - 1]) != nil else {
        context.print("Failed\n")
        return 1
      }
      system.forceStop(arguments[arguments.count - 1])
      context.print("Success\n")
      return 0
    case "uninstall":
      guard let name = arguments.last, arguments.count > 1, system.uninstall(name) else {
        context.print("Failure [DELETE_FAILED_INTERNAL_ERROR]\n")
        return 1
      }
      context.print("Success\n")
      return 0
    default:
      context.printError(
        "Package manager (package) commands:\n  list packages [-f] [-d] [-e] [-s] [-3] [-i] [-u] [FILTER]\n  path PACKAGE\n  clear PACKAGE\n  uninstall PACKAGE\n"
      )
      return 255
    }
  }

  static func inputMethods(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let system = context.system
    switch arguments.first {
    case "list":
      let options = CommandOptions(Array(arguments.dropFirst()), flags: "as")
      let ids = options.has("a") ? system.installedInputMethods : system.enabledInputMethods
      if options.has("s") {
        context.print(ids.map { $0 + "\n" }.joined())
      } else {
        context.print(ids.map(describe).joined())
      }
      return 0
    case "enable", "disable":
      guard arguments.count == 2 else { return usage(&context) }
      let id = arguments[1]
      if arguments[0] == "disable" {
        let enabled = system.enabledInputMethods
        guard system.installedInputMethodID(id) != nil else {
          context.printError("Unknown input method \(id) cannot be disabled for user #0\n")
          return 1
        }
        system.setSetting(
          .secure, "enabled_input_methods",
          to: enabled.filter { $0 != ComponentName(parsing: id)?.shortString }.joined(separator: ":"))
        context.print("Input method \(id): now disabled for user #0\n")
        return 0
      }
      guard let wasEnabled = system.enableInputMethod(id) else {
        context.printError("Unknown input method \(id) cannot be enabled for user #0\n")
        return 1
      }
      context.print("Input method \(id): \(wasEnabled ? "already enabled" : "now enabled") for user #0\n")
      return 0
    case "set":
      guard arguments.count == 2 else { return usage(&context) }
      guard system.selectInputMethod(arguments[1]) else {
        context.printError("Unknown input method \(arguments[1]) cannot be selected for user #0\n")
        return 1
      }
      context.print("Input method \(arguments[1]) selected for user #0\n")
      return 0
    case "reset":
      system.setSetting(.secure, "enabled_input_methods", to: PhoneSystem.defaultInputMethod)
      system.setSetting(.secure, "default_input_method", to: PhoneSystem.defaultInputMethod)
      context.print("Reset current and enabled IMEs for user #0\n  Selected: \(PhoneSystem.defaultInputMethod)\n")
      return 0
    default:
      return usage(&context)
    }
  }

  /// The per-IME block of `ime list` (InputMethodInfo.dump, shortened).
  private static func describe(_ id: String) -> String {
    let component = ComponentName(parsing: id) ?? ComponentName(package: id, className: id)
    return """
      \(id):
        mId=\(id) mSettingsActivityName=\(component.package).settings.SettingsActivity
        mIsDefaultResId=0x0
        Service:
          priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false
          ServiceInfo:
            name=\(component.className)
            packageName=\(component.package)
            enabled=true exported=true directBootAware=false
            permission=android.permission.BIND_INPUT_METHOD

      """
  }

  private static func usage(_ context: inout ShellCommandContext) -> Int32 {
    context.printError(
      "ime <command>:\n  list [-a] [-s]\n  enable [--user <USER_ID>] <ID>\n  disable [--user <USER_ID>] <ID>\n  set [--user <USER_ID>] <ID>\n  reset\n"
    )
    return 255
  }
}
