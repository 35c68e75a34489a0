import Foundation
import InteropSupport
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A plain non-blocking TCP socket on 127.0.0.1, for the two ends `adb reverse` joins: the
/// host's server the phone reaches, and an app on the phone connecting to the phone's listener.
///
/// Waiting polls every few milliseconds with `Task.sleep`, so no test thread ever blocks.
final class LoopbackSocket: Sendable {
  /// The socket's file descriptor; ``close()`` releases it.
  let descriptor: Int32
  /// Whether ``close()`` ran: a second close must not close a descriptor number that another
  /// thread (NIO, say) has been given since.
  private let closed = Atomic(false)

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// How long a waiting call polls before it gives up.
  static let defaultTimeout: Duration = .seconds(10)
  private static let pollInterval: Duration = .milliseconds(5)

  /// Listens on 127.0.0.1:`port` (0 lets the kernel pick).
  /// - Returns: the listening socket and its port.
  /// - Throws: `POSIXError` from `bind` or `listen` (EADDRINUSE for a busy port).
  static func listen(port: Int = 0) throws -> (socket: LoopbackSocket, port: Int) {
    let socket = try LoopbackSocket(descriptor: check(Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)))
    do {
      var address = loopback(port: port)
      try withSocketAddress(&address) { try check(bind(socket.descriptor, $0, $1)) }
      try check(Glibc.listen(socket.descriptor, 16))
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      _ = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket.descriptor, $0, &length) }
      }
      try socket.makeNonBlocking()
      return (socket, Int(UInt16(bigEndian: address.sin_port)))
    } catch {
      socket.close()
      throw error
    }
  }

  /// Connects to 127.0.0.1:`port` (on loopback the handshake completes at once).
  /// - Throws: `POSIXError` (ECONNREFUSED when nothing listens there).
  static func connect(port: Int) throws -> LoopbackSocket {
    let socket = try LoopbackSocket(descriptor: check(Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)))
    do {
      var address = loopback(port: port)
      try withSocketAddress(&address) { try check(Glibc.connect(socket.descriptor, $0, $1)) }
      try socket.makeNonBlocking()
      return socket
    } catch {
      socket.close()
      throw error
    }
  }

  /// Whether a connection to 127.0.0.1:`port` is refused (nothing listens there).
  static func isRefused(port: Int) -> Bool {
    do {
      try connect(port: port).close()
      return false
    } catch let error as POSIXError {
      return error.code == .ECONNREFUSED
    } catch {
      return false
    }
  }

  /// Waits for a client of this listening socket.
  func accept(timeout: Duration = defaultTimeout) async throws -> LoopbackSocket {
    try await Self.poll("accept", timeout: timeout) {
      let client = Glibc.accept(descriptor, nil, nil)
      guard client >= 0 else { return try Self.retryable() }
      let socket = LoopbackSocket(descriptor: client)
      try socket.makeNonBlocking()
      return socket
    }
  }

  /// Writes all of `bytes`.
  func send(_ bytes: [UInt8]) async throws {
    var offset = 0
    while offset < bytes.count {
      offset += try await Self.poll("send", timeout: Self.defaultTimeout) {
        let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
        return sent >= 0 ? sent : try Self.retryable()
      }
    }
  }

  /// Reads until `count` bytes arrived or the peer closed; returns what arrived.
  func receive(count: Int, timeout: Duration = defaultTimeout) async throws -> [UInt8] {
    var received: [UInt8] = []
    while received.count < count {
      let chunk = try await receiveChunk(timeout: timeout)
      if chunk.isEmpty { break }
      received += chunk
    }
    return received
  }

  /// Reads until the peer closes; returns everything that arrived before.
  func receiveUntilClosed(timeout: Duration = defaultTimeout) async throws -> [UInt8] {
    var received: [UInt8] = []
    while true {
      let chunk = try await receiveChunk(timeout: timeout)
      if chunk.isEmpty { return received }
      received += chunk
    }
  }

  /// Waits for the next bytes to arrive; returns none when the peer has closed the connection.
  func receiveNext(timeout: Duration = defaultTimeout) async throws -> [UInt8] {
    try await receiveChunk(timeout: timeout)
  }

  /// Closes the socket; later calls do nothing.
  func close() {
    guard !closed.exchange(true, ordering: .relaxed) else { return }
    _ = Glibc.close(descriptor)
  }

  /// The next bytes to arrive, or none when the peer has closed (or reset) the connection.
  private func receiveChunk(timeout: Duration) async throws -> [UInt8] {
    try await Self.poll("receive", timeout: timeout) {
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count >= 0 { return Array(buffer.prefix(count)) }
      if errno == ECONNRESET { return [] }
      return try Self.retryable()
    }
  }

  private func makeNonBlocking() throws {
    try Self.check(fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK))
  }

  // MARK: - Plumbing

  /// Signals "try again later" from a `poll` step.
  private struct WouldBlock: Error {}

  /// Runs `step` until it stops throwing ``WouldBlock``, sleeping between tries.
  private static func poll<T>(_ what: String, timeout: Duration, _ step: () throws -> T) async throws -> T {
    let deadline = ContinuousClock.now + timeout
    while true {
      do {
        return try step()
      } catch is WouldBlock {
        guard ContinuousClock.now < deadline else { throw AdbFailure("\(what) timed out after \(timeout)") }
        try await Task.sleep(for: pollInterval)
      }
    }
  }

  /// Throws ``WouldBlock`` for EAGAIN and EINTR, the call's `POSIXError` otherwise.
  private static func retryable<T>() throws -> T {
    let code = errno
    if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { throw WouldBlock() }
    throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
  }

  @discardableResult
  private static func check(_ result: Int32) throws -> Int32 {
    guard result >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    return result
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return address
  }

  private static func withSocketAddress(
    _ address: inout sockaddr_in, _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Void
  ) throws {
    try withUnsafePointer(to: &address) { pointer in
      try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        try body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
  }
}
