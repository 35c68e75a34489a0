/// toybox `stat`: the default report, `-c FORMAT` and `-L` (follow symlinks).
enum StatCommand {
  static func run(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let options = CommandOptions(arguments, flags: "Lft", valued: "c")
    guard !options.operands.isEmpty else { return context.fail("Needs 1 argument") }
    var status: Int32 = 0
    for file in options.operands {
      let path = context.path(file)
      do {
        let metadata = options.has("L") ? try context.fileSystem.stat(path) : try context.fileSystem.lstat(path)
        let target = metadata.kind == .symlink ? try? context.fileSystem.readLink(path) : nil
        if let format = options.values["c"] {
          context.print(formatted(format, file: file, metadata: metadata, linkTarget: target) + "\n")
        } else {
          context.print(report(file: file, metadata: metadata, linkTarget: target))
        }
      } catch {
        status = context.fail(error, displayPath: file)
      }
    }
    return status
  }

  /// The default multi-line report.
  static func report(file: String, metadata: PhoneFileSystem.Metadata, linkTarget: String?) -> String {
    let modified = CivilTime(unixTime: metadata.mtime).statStamp
    let uid = String(metadata.uid)
    let gid = String(metadata.gid)
    let uidField = String(repeating: " ", count: max(0, 5 - uid.count)) + uid
    let gidField = String(repeating: " ", count: max(0, 5 - gid.count)) + gid
    let ownerName = FileModeText.name(of: metadata.uid)
    let groupName = FileModeText.name(of: metadata.gid)
    return """
        File: \(file)\(linkTarget.map { " -> \($0)" } ?? "")
        Size: \(metadata.size)\t Blocks: \(FileModeText.blocks(metadata))\t IO Blocks: 4096\t\(FileModeText.typeName(metadata))
      Device: fd05h/64773d\t Inode: \(metadata.inode)\t Links: \(metadata.linkCount)
      Access: (\(octal(metadata.permissions))/\(FileModeText.describe(metadata.mode)))\tUid: (\(uidField)/\(String(repeating: " ", count: max(0, 8 - ownerName.count)) + ownerName))\tGid: (\(gidField)/\(String(repeating: " ", count: max(0, 8 - groupName.count)) + groupName))
      Access: \(modified)
      Modify: \(modified)
      Change: \(modified)

      """
  }

  static func octal(_ permissions: UInt32) -> String {
    let text = String(permissions, radix: 8)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }

  /// `-c` sequences: %s %n %N %a %A %u %U %g %G %i %h %F %b %B %o %X %Y %Z %x %y %z %%.
  static func formatted(_ format: String, file: String, metadata: PhoneFileSystem.Metadata, linkTarget: String?)
    -> String
  {
    var output = ""
    var percent = false
    for character in format {
      guard percent else {
        if character == "%" { percent = true } else { output.append(character) }
        continue
      }
      percent = false
      switch character {
      case "s": output += String(metadata.size)
      case "n": output += file
      case "N": output += "'\(file)'" + (linkTarget.map { " -> '\($0)'" } ?? "")
      case "a": output += String(metadata.permissions, radix: 8)
      case "A": output += FileModeText.describe(metadata.mode)
      case "u": output += String(metadata.uid)
      case "U": output += FileModeText.name(of: metadata.uid)
      case "g": output += String(metadata.gid)
      case "G": output += FileModeText.name(of: metadata.gid)
      case "i": output += String(metadata.inode)
      case "h": output += String(metadata.linkCount)
      case "F": output += FileModeText.typeName(metadata)
      case "b": output += String(FileModeText.blocks(metadata))
      case "B": output += "512"
      case "o": output += "4096"
      case "f": output += String(metadata.mode, radix: 16)
      case "X", "Y", "Z": output += String(metadata.mtime)
      case "x", "y", "z": output += CivilTime(unixTime: metadata.mtime).statStamp
      case "%": output += "%"
      default: output += "?"
      }
    }
    return output
  }
}
