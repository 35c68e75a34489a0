/// `test EXPR` and `[ EXPR ]`: file tests, string tests and integer comparisons, with `!`.
enum TestCommand {
  static func run(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var words = arguments
    if context.name == "[" {
      guard words.last == "]" else { return context.fail("missing ]", status: 2) }
      words.removeLast()
    }
    var negate = false
    while words.first == "!" && words.count > 1 {
      negate.toggle()
      words.removeFirst()
    }
    guard let result = evaluate(words, &context) else { return 2 }
    return result != negate ? 0 : 1
  }

  private static func evaluate(_ words: [String], _ context: inout ShellCommandContext) -> Bool? {
    switch words.count {
    case 0: return false
    case 1: return !words[0].isEmpty
    case 2: return unary(words[0], words[1], &context)
    case 3: return binary(words[0], words[1], words[2], &context)
    default:
      _ = context.fail("too many arguments", status: 2)
      return nil
    }
  }

  private static func unary(_ op: String, _ operand: String, _ context: inout ShellCommandContext) -> Bool? {
    let path = context.path(operand)
    let fileSystem = context.fileSystem
    switch op {
    case "-z": return operand.isEmpty
    case "-n": return !operand.isEmpty
    case "-e": return fileSystem.exists(path)
    case "-f": return (try? fileSystem.stat(path).kind) == .file
    case "-d": return (try? fileSystem.stat(path).kind) == .directory
    case "-L", "-h": return (try? fileSystem.lstat(path).kind) == .symlink
    case "-s": return ((try? fileSystem.stat(path).size) ?? 0) > 0
    case "-r": return (try? fileSystem.readFile(path)) != nil || (try? fileSystem.list(path)) != nil
    case "-w", "-x": return fileSystem.exists(path)
    default:
      _ = context.fail("\(op): unknown operand", status: 2)
      return nil
    }
  }

  private static func binary(_ left: String, _ op: String, _ right: String, _ context: inout ShellCommandContext)
    -> Bool?
  {
    switch op {
    case "=", "==": return left == right
    case "!=": return left != right
    case "-eq", "-ne", "-lt", "-le", "-gt", "-ge":
      guard let a = Int(left), let b = Int(right) else {
        _ = context.fail("bad number", status: 2)
        return nil
      }
      switch op {
      case "-eq": return a == b
      case "-ne": return a != b
      case "-lt": return a < b
      case "-le": return a <= b
      case "-gt": return a > b
      default: return a >= b
      }
    default:
      _ = context.fail("\(op): unknown operand", status: 2)
      return nil
    }
  }
}
