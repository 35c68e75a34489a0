import ADBWire
import NIOCore

/// What a shell command wrote and how it ended.
public struct ShellOutput: Hashable, Sendable {
  /// Standard output bytes.
  public var stdout: [UInt8]
  /// Standard error bytes (empty on devices without shell v2, where stderr joins stdout).
  public var stderr: [UInt8]
  /// The exit status, or nil on devices without shell v2, which do not report it.
  public var exitStatus: Int32?

  /// Standard output as UTF-8 text.
  public var standardOutput: String { String(decoding: stdout, as: UTF8.self) }
  /// Standard error as UTF-8 text.
  public var standardError: String { String(decoding: stderr, as: UTF8.self) }
}

/// A piece of a running command's output, delivered as it arrives.
public enum ShellOutputChunk: Hashable, Sendable {
  /// Bytes the command wrote to standard output (and, without shell v2, standard error).
  case stdout([UInt8])
  /// Bytes the command wrote to standard error (shell v2 only).
  case stderr([UInt8])
}

extension ADBDevice {
  /// Runs `command` with `sh -c` on the device and collects its output.
  ///
  /// Uses shell protocol v2 (stdout and stderr apart, exit status) when the device lists
  /// `shell_v2`; otherwise falls back to `shell:` v1, where stderr joins stdout and the status
  /// is unknown.
  /// - Parameters:
  ///   - command: the command line; the device's shell parses it, so quote as for `sh`.
  ///   - stdin: bytes for the command's standard input (v2 only).
  public func shell(_ command: String, stdin: [UInt8] = []) async throws -> ShellOutput {
    var output = ShellOutput(stdout: [], stderr: [], exitStatus: nil)
    output.exitStatus = try await shell(command, stdin: stdin) { chunk in
      switch chunk {
      case .stdout(let bytes): output.stdout += bytes
      case .stderr(let bytes): output.stderr += bytes
      }
    }
    return output
  }

  /// Runs `command` and hands each piece of its output to `onOutput` as it arrives, for long
  /// commands (`logcat`, a script) whose output should not wait for the end.
  ///
  /// ```swift
  /// let status = try await phone.shell("for i in 1 2 3; do echo $i; sleep 1; done") { chunk in
  ///   if case .stdout(let bytes) = chunk { print(String(decoding: bytes, as: UTF8.self), terminator: "") }
  /// }
  /// ```
  /// - Returns: the exit status, or nil on a device without shell v2.
  /// - Throws: ``ADBError``, or what `onOutput` throws (which ends the command's stream).
  public func shell(
    _ command: String, stdin: [UInt8] = [], onOutput: (ShellOutputChunk) async throws -> Void
  ) async throws -> Int32? {
    guard try await features().contains(ADBFeature.shellV2) else {
      return try await withStream("shell:\(command)") { stream in
        while let chunk = try await stream.readChunk() { try await onOutput(.stdout(Array(chunk.readableBytesView))) }
        return nil
      }
    }
    return try await withStream("shell,v2,raw:\(command)") { stream in
      // Close stdin even when it is empty, as adb does at the end of its own stdin: a command
      // that reads stdin must see end-of-file.
      var input = ByteBuffer()
      if !stdin.isEmpty { ShellPacket(.stdin, payload: ByteBuffer(bytes: stdin)).write(to: &input) }
      ShellPacket(.closeStdin).write(to: &input)
      try await Self.sendInput(input, with: stream.concurrentWriter)
      return try await Self.readShellV2(stream, onOutput: onOutput)
    }
  }

  /// Runs `command` with shell v2, sending each element of `stdin` to the command as it comes
  /// (then closing stdin), while output is handed to `onOutput` as it arrives.
  ///
  /// ```swift
  /// let (lines, feed) = AsyncStream.makeStream(of: [UInt8].self)
  /// async let status = phone.shell("cat > /sdcard/log.txt", streamingStdin: lines) { _ in }
  /// feed.yield(Array("first line\n".utf8)); feed.finish()
  /// ```
  /// - Throws: ``ADBError/Code/serviceRefused`` when the device lacks shell v2 (v1 has no way to
  ///   end stdin), and what `stdin` or `onOutput` throw.
  public func shell<Input: AsyncSequence & Sendable>(
    _ command: String, streamingStdin stdin: Input, onOutput: (ShellOutputChunk) async throws -> Void
  ) async throws -> Int32 where Input.Element == [UInt8] {
    guard try await features().contains(ADBFeature.shellV2) else {
      throw ADBError(.serviceRefused, "streaming stdin needs shell v2, which device \(serial) lacks")
    }
    return try await withStream("shell,v2,raw:\(command)") { stream in
      let writer = stream.concurrentWriter
      return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          for try await chunk in stdin where !chunk.isEmpty {
            var packet = ByteBuffer()
            ShellPacket(.stdin, payload: ByteBuffer(bytes: chunk)).write(to: &packet)
            guard try await Self.sendInput(packet, with: writer) else { return }
          }
          var close = ByteBuffer()
          ShellPacket(.closeStdin).write(to: &close)
          try await Self.sendInput(close, with: writer)
        }
        let status = try await Self.readShellV2(stream, onOutput: onOutput)
        group.cancelAll()  // A command may exit before reading all of its stdin.
        return status
      }
    }
  }

  /// Sends stdin bytes; returns false when the stream has already closed. A command may finish
  /// (and adbd close its stream) before reading its stdin — `echo` never reads it — so a refused
  /// stdin write is not a failure: what the command wrote, and its status, are still to be read.
  @discardableResult
  private static func sendInput(_ bytes: ByteBuffer, with writer: any ConcurrentStreamWriter) async throws -> Bool {
    do {
      try await writer.send(bytes)
      return true
    } catch let error as ADBError where error.code == .connectionLost {
      return false
    }
  }

  /// Reads shell-v2 packets until the exit packet.
  private static func readShellV2(_ stream: ADBStream, onOutput: (ShellOutputChunk) async throws -> Void)
    async throws -> Int32
  {
    while let packet = try await stream.readShellPacket() {
      switch packet.kind {
      case .stdout: try await onOutput(.stdout(Array(packet.payload.readableBytesView)))
      case .stderr: try await onOutput(.stderr(Array(packet.payload.readableBytesView)))
      case .exit: return Int32(packet.payload.readableBytesView.first ?? 255)
      default: continue
      }
    }
    throw ADBError(.connectionLost, "the shell stream closed without an exit status")
  }

  /// Runs `command` with `exec:`: raw, binary-safe output (for `screencap -p` and the like).
  public func exec(_ command: String) async throws -> [UInt8] {
    try await withStream("exec:\(command)") { try await $0.readAll() }
  }

  /// A PNG screenshot (`screencap -p` over `exec:`).
  /// - Throws: ``ADBError/Code/protocolError`` when the bytes are not a PNG (the device printed an
  ///   error instead).
  public func screenshotPNG() async throws -> [UInt8] {
    let bytes = try await exec("screencap -p")
    guard bytes.starts(with: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) else {
      throw ADBError(
        .protocolError, "screencap did not return a PNG: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
    }
    return bytes
  }

  /// Restarts the device (`reboot:`, or `reboot:bootloader`, `reboot:recovery`…).
  public func reboot(into target: String = "") async throws {
    try await withStream("reboot:\(target)") { _ = try await $0.readAll() }
  }
}

extension ADBStream {
  /// The next shell-v2 packet, or nil when the stream ends between packets.
  func readShellPacket() async throws -> ShellPacket? {
    do {
      return try await read { buffer in try ShellPacket.read(from: &buffer) }
    } catch let error as ADBError where error.code == .connectionLost {
      return nil
    } catch let error as ADBWireError {
      throw ADBError(.protocolError, "invalid shell packet", underlying: error)
    }
  }
}
