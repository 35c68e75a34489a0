import ADB
import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing to the process's standard streams without buffering, and reporting errors as one
/// line a user can act on.
enum Terminal {
  /// Standard output's descriptor.
  static let standardOutput: Int32 = 1
  /// Standard error's descriptor.
  static let standardError: Int32 = 2

  /// Whether standard output is a terminal (progress bars go there, summaries elsewhere).
  static var outputIsTerminal: Bool { isatty(standardOutput) == 1 }

  /// Writes `bytes` fully to `descriptor`, retrying after interruptions.
  static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32 = standardOutput) {
    let bytes = Array(bytes)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return  // A closed pipe: nobody reads any more.
      }
      offset += written
    }
  }

  /// Sleeps until the process is interrupted (Ctrl-C ends it), for commands whose work lives in
  /// this process: forwards and reverses over `--direct`.
  static func waitUntilInterrupted() async throws {
    while true { try await Task.sleep(for: .seconds(3600)) }
  }

  /// Writes `text` to `descriptor`.
  static func write(_ text: String, to descriptor: Int32 = standardOutput) {
    write(Array(text.utf8), to: descriptor)
  }

  /// Runs `body`; an ``ADBError`` (or any other failure that is not an argument-parser exit)
  /// becomes one line on stderr, `droidmatrix: …`, and exit status 1.
  static func reportingErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
    do {
      return try await body()
    } catch let error as ADBError {
      write("droidmatrix: \(message(for: error))\n", to: standardError)
      throw ExitCode.failure
    } catch let error as ExitCode {
      throw error
    } catch let error as ValidationError {
      throw error
    } catch {
      write("droidmatrix: \(oneLine("\(error)"))\n", to: standardError)
      throw ExitCode.failure
    }
  }

  /// The user-facing words for `error`, with a hint on what to do where one helps.
  static func message(for error: ADBError) -> String {
    var text = oneLine(error.message)
    switch error.code {
    case .serverUnavailable where text.hasPrefix("cannot reach the adb server"):
      text += "; start it with `adb start-server`"
    case .deviceNotFound:
      text += "; see `droidmatrix devices`"
    case .deviceUnauthorized where !text.contains("dialog"):
      text += "; accept the USB debugging prompt on the device"
    default: break
    }
    return text
  }

  /// `text` with line breaks folded into spaces, so an error stays on one line.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: " ") }.joined(separator: " ")
  }
}

/// write(2).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}

extension Substring {
  fileprivate func trimmingCharacters(in character: Character) -> Substring {
    var text = self
    while text.first == character { text.removeFirst() }
    while text.last == character { text.removeLast() }
    return text
  }
}
