/// The file-descriptor table of one command: where fd 1 and fd 2 go, set up left to right
/// from its redirections before it runs (POSIX 2.7).
struct Redirections {
  enum Sink: Equatable {
    case stdout
    case stderr
    case file(String)
    case discard
  }

  let fileSystem: PhoneFileSystem
  var table: [Int: Sink] = [1: .stdout, 2: .stderr]

  /// Applies redirections in order.
  /// - Returns: mksh's message (`can't create /x/y: No such file or directory`) when one fails.
  mutating func apply(
    _ redirections: [Redirection], expander: ShellExpander, environment: inout ShellEnvironment,
    output: inout StreamPair, stdin: inout [UInt8]
  ) -> String? {
    for redirection in redirections {
      let target = expander.expandSingle(redirection.target, environment: &environment, output: &output)
      switch redirection.kind {
      case .output(let append):
        let path = environment.absolutePath(target)
        if path == "/dev/null" {
          table[redirection.fd] = .discard
          continue
        }
        do {
          if append {
            try fileSystem.appendFile(path, contents: [])
          } else {
            // Truncate but keep an existing file's permissions, as open(O_TRUNC) does.
            let mode = (try? fileSystem.stat(path).permissions) ?? 0o666
            try fileSystem.writeFile(path, contents: [], mode: mode, mtime: nil, createParents: false)
          }
        } catch {
          return "can't create \(target): \(error.message)"
        }
        table[redirection.fd] = .file(path)
      case .input:
        do {
          let bytes = try fileSystem.readFile(environment.absolutePath(target))
          if redirection.fd == 0 { stdin = bytes }
        } catch {
          return "can't open \(target): \(error.message)"
        }
      case .duplicate:
        if target == "-" {
          table[redirection.fd] = .discard
        } else if let source = Int(target), let sink = table[source] {
          table[redirection.fd] = sink
        } else if Int(target) == 0 {
          continue
        } else {
          return "\(target): bad file descriptor"
        }
      }
    }
    return nil
  }

  /// Delivers a command's writes, in order, to where its descriptors point.
  func route(_ writes: [(fd: Int, bytes: [UInt8])], into output: inout StreamPair) {
    for (fd, bytes) in writes {
      switch table[fd] ?? .discard {
      case .stdout: output.stdout += bytes
      case .stderr: output.stderr += bytes
      case .file(let path): try? fileSystem.appendFile(path, contents: bytes)
      case .discard: break
      }
    }
  }
}
