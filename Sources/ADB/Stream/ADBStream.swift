import NIOCore

/// What a transport provides for one stream: the adb-server path gives a TCP connection bound to
/// a device service, the native path one multiplexed device-protocol stream.
protocol StreamTransport: AnyObject {
  /// The next bytes from the peer, or nil once it has closed the stream.
  func receive() async throws -> ByteBuffer?
  /// Sends bytes, waiting while flow control holds them back.
  func send(_ bytes: ByteBuffer) async throws
  /// A writer another task may use while this stream's owner reads (stdin of a shell).
  var concurrentWriter: any ConcurrentStreamWriter { get }
}

/// Writes to a stream from a task other than the one that reads it.
protocol ConcurrentStreamWriter: Sendable {
  /// Sends bytes, waiting while flow control holds them back.
  func send(_ bytes: ByteBuffer) async throws
}

/// A byte stream to one service: a smart-socket exchange with the adb server, or a device
/// service such as `shell,v2,raw:ls` or `sync:`.
///
/// A stream lives inside the closure that opened it (``ADBDevice/withStream(_:_:)``) and is used
/// by one task at a time.
public final class ADBStream {
  private let transport: any StreamTransport
  private var buffer = ByteBuffer()
  private var peerClosed = false

  init(transport: any StreamTransport) {
    self.transport = transport
  }

  // MARK: - Public byte API

  /// The next bytes the service sent, or nil when it has closed the stream.
  public func read() async throws -> [UInt8]? {
    try await readChunk().map { Array($0.readableBytesView) }
  }

  /// Everything the service sends until it closes the stream.
  public func readAll() async throws -> [UInt8] {
    Array(try await readToEnd().readableBytesView)
  }

  /// Sends bytes to the service.
  public func write(_ bytes: [UInt8]) async throws {
    try await write(ByteBuffer(bytes: bytes))
  }

  // MARK: - Buffer API for the protocol code of this module

  /// Buffered bytes first, else the next chunk; nil at the end of the stream.
  func readChunk() async throws -> ByteBuffer? {
    if buffer.readableBytes > 0 {
      defer { buffer.clear() }
      return buffer
    }
    return try await receive()
  }

  /// Exactly `count` bytes.
  /// - Throws: ``ADBError/Code/connectionLost`` when the stream ends first.
  func read(exactly count: Int) async throws -> ByteBuffer {
    while buffer.readableBytes < count {
      guard var chunk = try await receive() else {
        throw ADBError(.connectionLost, "stream closed after \(buffer.readableBytes) of \(count) expected bytes")
      }
      buffer.writeBuffer(&chunk)
    }
    return buffer.readSlice(length: count)!
  }

  /// Decodes one value with `parse`, reading more bytes until it no longer returns nil.
  /// - Throws: what `parse` throws, or ``ADBError/Code/connectionLost`` at the end of the stream.
  func read<Value>(_ parse: (inout ByteBuffer) throws -> Value?) async throws -> Value {
    while true {
      if let value = try parse(&buffer) { return value }
      guard var chunk = try await receive() else {
        throw ADBError(.connectionLost, "stream closed in the middle of a message")
      }
      if buffer.readableBytes == 0 { buffer.clear() }
      buffer.writeBuffer(&chunk)
    }
  }

  /// Every byte until the peer closes the stream.
  func readToEnd() async throws -> ByteBuffer {
    var all = buffer
    buffer.clear()
    while var chunk = try await receive() { all.writeBuffer(&chunk) }
    return all
  }

  /// Sends bytes.
  func write(_ bytes: ByteBuffer) async throws {
    try await transport.send(bytes)
  }

  /// A writer for another task, so that input can be sent while this stream is read.
  var concurrentWriter: any ConcurrentStreamWriter { transport.concurrentWriter }

  private func receive() async throws -> ByteBuffer? {
    guard !peerClosed else { return nil }
    guard let chunk = try await transport.receive() else {
      peerClosed = true
      return nil
    }
    return chunk
  }
}
