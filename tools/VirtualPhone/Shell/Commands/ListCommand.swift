/// toybox `ls` as it prints without a terminal: one name per line, `-l` in toybox's long
/// format with aligned columns, `-a`, `-d`, `-R`, `-1`, `-t`/`-S`/`-r` ordering.
enum ListCommand {
  private struct Entry {
    var name: String
    var path: String
    var metadata: PhoneFileSystem.Metadata
  }

  static func run(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "laAdR1tSrFhnsi")
    if let unknown = options.unknown { return context.fail("Unknown option '\(unknown)'") }
    let operands = options.operands.isEmpty ? ["."] : options.operands
    var status: Int32 = 0
    var files: [Entry] = []
    var directories: [Entry] = []
    for operand in operands {
      let path = context.path(operand)
      do {
        let link = try context.fileSystem.lstat(path)
        // A symlink operand is followed unless -l or -d ask about the link itself.
        let follows = link.kind == .symlink && !options.has("l") && !options.has("d")
        let metadata = follows ? try context.fileSystem.stat(path) : link
        let entry = Entry(name: operand, path: path, metadata: metadata)
        if metadata.kind == .directory && !options.has("d") {
          directories.append(entry)
        } else {
          files.append(entry)
        }
      } catch {
        status = context.fail(error, displayPath: operand)
      }
    }
    var output = render(sort(files, options), options, context, showTotal: false)
    let labelled = operands.count > 1 || options.has("R")
    var queue = sort(directories, options)
    var first = files.isEmpty
    while !queue.isEmpty {
      let directory = queue.removeFirst()
      let listed: [(name: String, metadata: PhoneFileSystem.Metadata)]
      do { listed = try context.fileSystem.list(directory.path) } catch {
        status = context.fail(error, displayPath: directory.name)
        continue
      }
      var entries = listed.filter { options.has("a") || options.has("A") || !$0.name.hasPrefix(".") }.map {
        Entry(name: $0.name, path: directory.path + "/" + $0.name, metadata: $0.metadata)
      }
      if options.has("a") {
        let parent = (try? context.fileSystem.stat(directory.path + "/..")) ?? directory.metadata
        entries =
          [
            Entry(name: ".", path: directory.path, metadata: directory.metadata),
            Entry(name: "..", path: directory.path + "/..", metadata: parent),
          ] + entries
      }
      entries = sort(entries, options)
      if labelled { output += (first ? "" : "\n") + "\(directory.name):\n" }
      first = false
      output += render(entries, options, context, showTotal: true)
      if options.has("R") {
        let subdirectories = entries.filter { $0.metadata.kind == .directory && $0.name != "." && $0.name != ".." }
        queue.insert(
          contentsOf: subdirectories.map {
            Entry(
              name: directory.name == "/" ? "/" + $0.name : directory.name + "/" + $0.name, path: $0.path,
              metadata: $0.metadata)
          }, at: 0)
      }
    }
    context.print(output)
    return status
  }

  private static func sort(_ entries: [Entry], _ options: CommandOptions) -> [Entry] {
    var sorted = entries.sorted { $0.name < $1.name }
    if options.has("t") { sorted.sort { $0.metadata.mtime > $1.metadata.mtime } }
    if options.has("S") { sorted.sort { $0.metadata.size > $1.metadata.size } }
    if options.has("r") { sorted.reverse() }
    return sorted
  }

  private static func render(
    _ entries: [Entry], _ options: CommandOptions, _ context: ShellCommandContext, showTotal: Bool
  ) -> String {
    guard options.has("l") || options.has("n") else {
      return entries.map { "\($0.name)\(suffix($0, options))\n" }.joined()
    }
    let numeric = options.has("n")
    let rows = entries.map { entry -> [String] in
      let metadata = entry.metadata
      return [
        FileModeText.describe(metadata.mode), String(metadata.linkCount),
        numeric ? String(metadata.uid) : FileModeText.name(of: metadata.uid),
        numeric ? String(metadata.gid) : FileModeText.name(of: metadata.gid), String(metadata.size),
        CivilTime(unixTime: metadata.mtime).listingStamp,
      ]
    }
    // toybox pads each column to its widest value: counts and sizes to the right, names to the left.
    let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
    func pad(_ text: String, _ width: Int, right: Bool) -> String {
      let padding = String(repeating: " ", count: max(0, width - text.count))
      return right ? padding + text : text + padding
    }
    var output = ""
    if showTotal {
      output += "total \(entries.map { FileModeText.blocks($0.metadata) }.reduce(0, +) / 2)\n"
    }
    for (entry, row) in zip(entries, rows) {
      var name = entry.name
      if entry.metadata.kind == .symlink, let target = try? context.fileSystem.readLink(entry.path) {
        name += " -> \(target)"
      }
      output += "\(row[0]) \(pad(row[1], widths[1], right: true)) \(pad(row[2], widths[2], right: false)) "
      output +=
        "\(pad(row[3], widths[3], right: false)) \(pad(row[4], widths[4], right: true)) \(row[5]) \(name)\(suffix(entry, options))\n"
    }
    return output
  }

  private static func suffix(_ entry: Entry, _ options: CommandOptions) -> String {
    guard options.has("F") else { return "" }
    switch entry.metadata.kind {
    case .directory: return "/"
    case .symlink: return "@"
    case .file: return entry.metadata.mode & 0o111 != 0 ? "*" : ""
    }
  }
}
