/// `uiautomator dump` and `screencap` over the foreground window's hierarchy.
enum ScreenCommands {
  /// Where `uiautomator dump` writes without a FILE argument.
  static let defaultDumpPath = "/sdcard/window_dump.xml"

  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("uiautomator", uiautomator)
    registry.register("screencap", screencap)
    return registry
  }

  /// `uiautomator dump [--compressed] [--windows] [FILE]`; FILE `/dev/tty` streams the XML to
  /// stdout. The confirmation line keeps Android's typo "hierchary".
  ///
  /// Each dump takes the phone's ``VirtualPhone/DumpBehaviour/latency`` (added to the command's
  /// delay, so nothing blocks) and fails at its failure rate, or whenever the foreground window
  /// is not idle, as DumpCommand.java does: the error on standard error, exit status 0, and no
  /// file written (an older dump file stays).
  static func uiautomator(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    guard arguments.first == "dump" else {
      context.printError(
        "Usage: uiautomator <subcommand> [options]\n\nAvailable subcommands:\n\nhelp: displays help message\n\ndump: creates an XML dump of current UI hierarchy\n"
      )
      return 1
    }
    let options = Array(arguments.dropFirst())
    let compressed = options.contains("--compressed")
    let file = options.last { !$0.hasPrefix("-") } ?? defaultDumpPath
    let (outcome, latency) = context.system.nextDumpOutcome()
    context.environment.delay += latency
    if let message = outcome.errorMessage {
      context.printError(message)
      return 0
    }
    var root = context.system.currentScreen()
    if compressed { root = root.compressed() }
    let xml = UIHierarchyXML.render(root)
    if file == "/dev/tty" || file == "/proc/self/fd/1" {
      context.print(xml)
    } else {
      do {
        try context.fileSystem.writeFile(
          context.path(file), contents: Array(xml.utf8), mode: 0o660, mtime: nil, createParents: false)
      } catch {
        context.printError("ERROR: could not write \(file): \(error.message)\n")
        return 1
      }
    }
    context.print("UI hierchary dumped to: \(file)\n")
    return 0
  }

  /// `screencap [-p] [-d ID] [FILE]`: PNG with `-p` or a `.png` file name, else the raw
  /// RGBA_8888 framebuffer with its 16-byte header.
  static func screencap(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "ph", valued: "d")
    if options.has("h") || options.unknown != nil {
      context.printError(
        "usage: screencap [-hp] [-d display-id] [FILENAME]\n   -h: this message\n   -p: save the file as a png.\n")
      return 1
    }
    let file = options.operands.first
    let png = options.has("p") || (file?.hasSuffix(".png") ?? false)
    let image = context.system.screenshot()
    let bytes = png ? PNGEncoder.encode(image) : image.rawScreencap
    guard let file else {
      context.write(bytes)
      return 0
    }
    do {
      try context.fileSystem.writeFile(
        context.path(file), contents: bytes, mode: 0o660, mtime: nil, createParents: false)
    } catch {
      context.printError("Error opening file: \(file) (\(error.message))\n")
      return 1
    }
    return 0
  }
}

extension UINode {
  /// What `--compressed` keeps: a layout-only container (no text, description, id or
  /// interaction) is replaced by its children, as uiautomator's "ignore unimportant views".
  func compressed() -> UINode {
    var copy = self
    copy.children = children.flatMap { $0.flattenedForCompression() }
    return copy
  }

  private func flattenedForCompression() -> [UINode] {
    let important =
      !text.isEmpty || !contentDescription.isEmpty || !resourceID.isEmpty || clickable || scrollable
      || checkable || longClickable || focusable || children.isEmpty
    guard important else { return children.flatMap { $0.flattenedForCompression() } }
    return [compressed()]
  }
}
