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
    guard try await features().contains(ADBFeature.shellV2) else {
      let output = try await withStream("shell:\(command)") { try await $0.readAll() }
      return ShellOutput(stdout: output, stderr: [], exitStatus: nil)
    }
    return try await withStream("shell,v2,raw:\(command)") { stream in
      if !stdin.isEmpty {
        var input = ByteBuffer()
        ShellPacket(.stdin, payload: ByteBuffer(bytes: stdin)).write(to: &input)
        ShellPacket(.closeStdin).write(to: &input)
        try await stream.write(input)
      }
      return try await Self.collectShellV2(stream)
    }
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

  static func collectShellV2(_ stream: ADBStream) async throws -> ShellOutput {
    var output = ShellOutput(stdout: [], stderr: [], exitStatus: nil)
    while output.exitStatus == nil {
      let packet: ShellPacket? = try await stream.readShellPacket()
      guard let packet else { break }
      switch packet.kind {
      case .stdout: output.stdout += packet.payload.readableBytesView
      case .stderr: output.stderr += packet.payload.readableBytesView
      case .exit: output.exitStatus = Int32(packet.payload.readableBytesView.first ?? 255)
      default: break
      }
    }
    guard output.exitStatus != nil else {
      throw ADBError(.connectionLost, "the shell stream closed without an exit status")
    }
    return output
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
