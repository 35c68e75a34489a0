/// Pathname expansion (POSIX 2.13): matches `*`, `?` and `[…]` component by component
/// against the phone's file system.
enum ShellGlob {
  /// Expands a pattern (quoted characters backslash-escaped).
  /// - Returns: the sorted matches, or nil when nothing matched (the word then stays as written).
  static func expand(_ pattern: String, environment: ShellEnvironment, fileSystem: PhoneFileSystem) -> [String]? {
    let absolute = pattern.hasPrefix("/")
    let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    // Candidates are pairs of (text to print, absolute path to look up).
    var candidates: [(shown: String, path: String)] = [
      (absolute ? "/" : "", absolute ? "/" : environment.workingDirectory)
    ]
    for component in components {
      var next: [(String, String)] = []
      for (shown, path) in candidates {
        let join = { (name: String) -> (String, String) in
          (
            shown.isEmpty || shown.hasSuffix("/") ? shown + name : shown + "/" + name,
            path.hasSuffix("/") ? path + name : path + "/" + name
          )
        }
        if isPattern(component) {
          guard let entries = try? fileSystem.list(path) else { continue }
          for entry in entries where matches(component, entry.name) {
            // A leading dot must be matched explicitly.
            if entry.name.hasPrefix(".") && !component.hasPrefix(".") { continue }
            next.append(join(entry.name))
          }
        } else {
          let name = unescaped(component)
          let candidate = join(name)
          if fileSystem.exists(candidate.1) || (try? fileSystem.lstat(candidate.1)) != nil { next.append(candidate) }
        }
      }
      candidates = next
    }
    let results = candidates.map(\.shown).filter { !$0.isEmpty }
    return results.isEmpty ? nil : results.sorted()
  }

  static func isPattern(_ component: String) -> Bool {
    var escaped = false
    for character in component {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "*" || character == "?" || character == "[" {
        return true
      }
    }
    return false
  }

  static func unescaped(_ text: String) -> String {
    var result = ""
    var escaped = false
    for character in text {
      if !escaped && character == "\\" { escaped = true; continue }
      escaped = false
      result.append(character)
    }
    return result
  }

  /// fnmatch(3) without flags: `*`, `?`, `[abc]`, `[a-z]`, `[!x]`, and `\` escapes.
  static func matches(_ pattern: String, _ name: String) -> Bool {
    matches(Array(pattern), 0, Array(name), 0)
  }

  private static func matches(_ pattern: [Character], _ p: Int, _ name: [Character], _ n: Int) -> Bool {
    var p = p
    var n = n
    while p < pattern.count {
      switch pattern[p] {
      case "*":
        for start in n...name.count where matches(pattern, p + 1, name, start) { return true }
        return false
      case "?":
        guard n < name.count else { return false }
      case "[":
        guard n < name.count, let (matched, end) = bracket(pattern, p, name[n]) else {
          if n < name.count && pattern[p] == name[n] { break }
          return false
        }
        guard matched else { return false }
        p = end
      case "\\" where p + 1 < pattern.count:
        p += 1
        guard n < name.count, pattern[p] == name[n] else { return false }
      default:
        guard n < name.count, pattern[p] == name[n] else { return false }
      }
      p += 1
      n += 1
    }
    return n == name.count
  }

  /// Matches one character against `[…]` at `start`; returns the result and the index of `]`.
  private static func bracket(_ pattern: [Character], _ start: Int, _ character: Character) -> (Bool, Int)? {
    var index = start + 1
    let negated = index < pattern.count && (pattern[index] == "!" || pattern[index] == "^")
    if negated { index += 1 }
    var matched = false
    var first = true
    while index < pattern.count && (pattern[index] != "]" || first) {
      first = false
      if index + 2 < pattern.count && pattern[index + 1] == "-" && pattern[index + 2] != "]" {
        if pattern[index] <= character && character <= pattern[index + 2] { matched = true }
        index += 3
      } else {
        if pattern[index] == character { matched = true }
        index += 1
      }
    }
    guard index < pattern.count else { return nil }
    return (matched != negated, index)
  }
}
