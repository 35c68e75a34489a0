import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to completion: stdin from /dev/null, stdout and stderr into temporary files,
/// no other inherited descriptor, a time limit, and `waitpid` on the child itself.
///
/// Foundation's `Process` learns that a child ended through a descriptor the child inherits;
/// `adb start-server` leaves a daemon behind that inherits it too, so `Process` never reports the
/// client's exit. Waiting on the pid, with output in files rather than pipes, cannot be held up
/// by a grandchild.
///
/// ```swift
/// let output = try await ChildProcess.run("/usr/bin/adb", ["version"])
/// print(output.status, output.standardOutput)
/// ```
public enum ChildProcess {
  /// What a finished program printed and how it ended.
  public struct Output: Sendable {
    /// The exit status, or 128 + signal number when a signal ended it.
    public var status: Int32
    /// Everything written to stdout.
    public var stdout: Data
    /// Everything written to stderr.
    public var stderr: Data

    /// stdout as UTF-8 text.
    public var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
    /// stderr as UTF-8 text.
    public var standardError: String { String(decoding: stderr, as: UTF8.self) }
  }

  /// Why a program could not be run to completion.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong, naming the command.
    public var description: String
  }

  /// Runs `executable` with `arguments` and waits for it.
  /// - Parameters:
  ///   - executable: an absolute path.
  ///   - arguments: the arguments after the program name.
  ///   - environment: the whole environment; the current one when nil.
  ///   - timeout: after this the program is killed (SIGKILL) and ``Failure`` is thrown.
  /// - Throws: ``Failure`` when the program cannot be started or runs out of time.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    timeout: Duration = .seconds(120)
  ) async throws -> Output {
    let command = ([executable] + arguments).joined(separator: " ")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let stdoutPath = directory.appendingPathComponent("stdout").path
    let stderrPath = directory.appendingPathComponent("stderr").path

    let pid = try spawn(
      executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
      stdoutPath: stdoutPath, stderrPath: stderrPath, command: command)
    let status = try await waitForExit(pid: pid, timeout: timeout, command: command)
    return Output(
      status: status, stdout: (try? Data(contentsOf: URL(fileURLWithPath: stdoutPath))) ?? Data(),
      stderr: (try? Data(contentsOf: URL(fileURLWithPath: stderrPath))) ?? Data())
  }

  /// The full path of `name` on PATH, or nil.
  public static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  private static func spawn(
    _ executable: String, _ arguments: [String], environment: [String: String], stdoutPath: String,
    stderrPath: String, command: String
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    // Nothing else is inherited: sockets a server in this process holds (NIO does not mark
    // accepted sockets close-on-exec) would otherwise stay open in the child, and in any daemon
    // it leaves behind, keeping those connections alive after this process closes them.
    // glibc ignores a close action for a descriptor that is no longer open, so a descriptor
    // another thread closes meanwhile does no harm.
    for descriptor in openDescriptors() where descriptor > 2 {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else {
      throw Failure(description: "cannot start \(command): \(String(cString: strerror(result)))")
    }
    return pid
  }

  /// The descriptors open in this process now (Linux `/proc/self/fd`).
  private static func openDescriptors() -> [Int32] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    return names.compactMap { Int32($0) }
  }

  /// Waits for `pid` on a thread of its own (waitpid blocks), killing it at the deadline.
  private static func waitForExit(pid: pid_t, timeout: Duration, command: String) async throws -> Int32 {
    let timedOut = TimeoutFlag()
    let killer = Task {
      try await Task.sleep(for: timeout)
      timedOut.set()
      kill(pid, SIGKILL)
    }
    defer { killer.cancel() }
    let status: Int32 = await withCheckedContinuation { continuation in
      let thread = Thread {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let signal = raw & 0x7f
        continuation.resume(returning: signal == 0 ? (raw >> 8) & 0xff : 128 + signal)
      }
      thread.start()
    }
    if timedOut.isSet { throw Failure(description: "timed out after \(timeout): \(command)") }
    return status
  }
}

/// A flag set once by the timeout task and read after the wait.
private final class TimeoutFlag: Sendable {
  private let value = Mutex(false)

  func set() { value.withLock { $0 = true } }
  var isSet: Bool { value.withLock { $0 } }
}
