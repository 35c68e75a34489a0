import ArgumentParser

/// The shape `forward` and `reverse` share: `--list`, `--remove SPEC`, `--remove-all`, or
/// `LOCAL REMOTE` with `--no-rebind`.
struct ForwardOptions: ParsableArguments {
  /// What the command is asked to do.
  enum Action: Equatable {
    case list
    case remove(String)
    case removeAll
    case add(local: String, remote: String, noRebind: Bool)
  }

  @Flag(name: .long, help: "List the forwards.")
  var list = false

  @Option(name: .long, help: ArgumentHelp("Remove the forward listening on SPEC.", valueName: "SPEC"))
  var remove: String?

  @Flag(name: .long, help: "Remove every forward of the device.")
  var removeAll = false

  @Flag(name: .long, help: "Fail instead of replacing an existing forward on the same listener.")
  var noRebind = false

  @Argument(help: "The listener and its target, e.g. tcp:0 tcp:8080 (tcp:0 picks a free port).")
  var specs: [String] = []

  /// The one action the arguments ask for.
  var action: Action {
    if list { return .list }
    if let remove { return .remove(remove) }
    if removeAll { return .removeAll }
    return .add(local: specs[0], remote: specs[1], noRebind: noRebind)
  }

  func validate() throws {
    let modes = [list, remove != nil, removeAll, !specs.isEmpty].filter { $0 }.count
    guard modes == 1 else {
      throw ValidationError("give exactly one of --list, --remove SPEC, --remove-all, or LOCAL REMOTE")
    }
    guard specs.isEmpty || specs.count == 2 else {
      throw ValidationError("give two socket specs, LOCAL REMOTE (e.g. tcp:8080 tcp:8080), got \(specs.count)")
    }
    for spec in specs + [remove].compactMap({ $0 }) where !spec.contains(":") {
      throw ValidationError("\(spec.debugDescription) is not a socket spec; use tcp:PORT or localabstract:NAME")
    }
    if noRebind && specs.isEmpty { throw ValidationError("--no-rebind only applies to LOCAL REMOTE") }
  }
}
