/// toybox file commands: `cat`, `rm`, `rmdir`, `mkdir`, `mv`, `cp`, `touch`, `chmod`, `ln`
/// (`ls` and `stat` have their own files). Errors read `NAME: PATH: strerror`, exit 1.
enum FileCommands {
  /// What `toybox` with no arguments lists.
  static let toyboxCommands = [
    "cat", "chmod", "cp", "date", "echo", "grep", "head", "id", "ln", "ls", "mkdir", "mv", "rm", "rmdir",
    "sleep", "stat", "tail", "touch", "uname", "wc", "which", "whoami",
  ]

  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("cat", cat)
    registry.register("rm", remove)
    registry.register("rmdir", removeDirectory)
    registry.register("mkdir", makeDirectory)
    registry.register("mv", move)
    registry.register("cp", copy)
    registry.register("touch", touch)
    registry.register("chmod", changeMode)
    registry.register("ln", link)
    registry.register("ls", ListCommand.run)
    registry.register("stat", StatCommand.run)
    return registry
  }

  static func cat(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let files = arguments.filter { $0 != "-u" }
    guard !files.isEmpty else {
      context.write(context.readStandardInput())
      return 0
    }
    var status: Int32 = 0
    for file in files {
      if file == "-" {
        context.write(context.readStandardInput())
        continue
      }
      do { context.write(try context.fileSystem.readFile(context.path(file))) } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  static func remove(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "rRfivd")
    let recursive = options.has("r") || options.has("R")
    guard !options.operands.isEmpty else {
      return options.has("f") ? 0 : context.fail("Needs 1 argument")
    }
    var status: Int32 = 0
    for file in options.operands {
      do {
        let path = context.path(file)
        if options.has("d"), !recursive, (try? context.fileSystem.lstat(path).kind) == .directory {
          try context.fileSystem.removeDirectory(path)
        } else {
          try context.fileSystem.remove(path, recursive: recursive)
        }
      } catch {
        if options.has("f") && error.errno == FileSystemError.noSuchFile { continue }
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  static func removeDirectory(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var status: Int32 = 0
    for file in CommandOptions(arguments, flags: "p").operands {
      do { try context.fileSystem.removeDirectory(context.path(file)) } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  static func makeDirectory(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "pv", valued: "m")
    guard !options.operands.isEmpty else { return context.fail("Needs 1 argument") }
    var status: Int32 = 0
    for file in options.operands {
      do {
        let path = context.path(file)
        try context.fileSystem.makeDirectory(path, createParents: options.has("p"))
        if let mode = options.values["m"].flatMap({ UInt32($0, radix: 8) }) {
          try context.fileSystem.setPermissions(path, to: mode)
        }
      } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  /// The destination for `SOURCE` when the last operand may be a directory to move into.
  static func destination(for source: String, into target: String, _ context: ShellCommandContext) -> String {
    let targetPath = context.path(target)
    guard (try? context.fileSystem.stat(targetPath).kind) == .directory else { return targetPath }
    let name = source.split(separator: "/").last.map(String.init) ?? source
    return (targetPath.hasSuffix("/") ? targetPath : targetPath + "/") + name
  }

  static func move(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "finv")
    guard options.operands.count >= 2, let target = options.operands.last else {
      return context.fail("Needs 2 arguments")
    }
    var status: Int32 = 0
    for source in options.operands.dropLast() {
      do {
        try context.fileSystem.move(from: context.path(source), to: destination(for: source, into: target, context))
      } catch {
        status = context.fail(error, displayPath: error.path == context.path(source) ? source : target)
      }
    }
    return status
  }

  static func copy(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "rRpafv")
    guard options.operands.count >= 2, let target = options.operands.last else {
      return context.fail("Needs 2 arguments")
    }
    var status: Int32 = 0
    for source in options.operands.dropLast() {
      do {
        try copyTree(
          from: context.path(source), to: destination(for: source, into: target, context),
          recursive: options.has("r") || options.has("R") || options.has("a"), context)
      } catch {
        status = context.fail(error, displayPath: error.path)
      }
    }
    return status
  }

  private static func copyTree(
    from source: String, to destination: String, recursive: Bool, _ context: ShellCommandContext
  ) throws(FileSystemError) {
    let fileSystem = context.fileSystem
    let metadata = try fileSystem.stat(source)
    guard metadata.kind == .directory else {
      try fileSystem.writeFile(
        destination, contents: try fileSystem.readFile(source), mode: metadata.permissions, mtime: nil,
        createParents: false)
      return
    }
    guard recursive else { throw FileSystemError(errno: FileSystemError.isDirectory, path: source) }
    if !fileSystem.exists(destination) { try fileSystem.makeDirectory(destination) }
    for entry in try fileSystem.list(source) {
      try copyTree(from: source + "/" + entry.name, to: destination + "/" + entry.name, recursive: true, context)
    }
  }

  static func touch(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "acmh", valued: "dt")
    var status: Int32 = 0
    for file in options.operands {
      let path = context.path(file)
      do {
        if context.fileSystem.exists(path) {
          try context.fileSystem.setModificationTime(path, to: context.fileSystem.now)
        } else if !options.has("c") {
          try context.fileSystem.writeFile(path, contents: [], mode: 0o666, mtime: nil, createParents: false)
        }
      } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  static func changeMode(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "Rfv")
    guard options.operands.count >= 2, let mode = UInt32(options.operands[0], radix: 8) else {
      return context.fail("Needs 2 arguments")
    }
    var status: Int32 = 0
    for file in options.operands.dropFirst() {
      do { try context.fileSystem.setPermissions(context.path(file), to: mode) } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  static func link(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "sfnv")
    guard options.has("s"), options.operands.count == 2 else {
      return context.fail("only ln -s TARGET LINK is supported")
    }
    do {
      let linkPath = context.path(options.operands[1])
      if options.has("f") { try? context.fileSystem.remove(linkPath) }
      try context.fileSystem.makeSymlink(target: options.operands[0], at: linkPath)
      return 0
    } catch {
      return context.fail(error, displayPath: options.operands[1])
    }
  }
}
