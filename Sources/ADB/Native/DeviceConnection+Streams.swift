import ADBWire
import NIOCore

/// One stream's side of the actor: input not yet read, and the tasks waiting for something to
/// change (data, credit, the OKAY answering OPEN, the phone's CLSE).
struct StreamState {
  /// WRTE payloads not yet read; each is acknowledged when it is read.
  var pending = CircularBuffer<ByteBuffer>()
  /// The phone answered OPEN with OKAY (or opened the stream itself).
  var isOpen = false
  /// The phone refused OPEN with CLSE.
  var refused = false
  /// The phone closed the stream; pending input is still readable.
  var peerClosed = false
  /// Tasks waiting for a change, each with an id so a cancelled one can be found.
  var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []

  /// Wakes every waiter; each re-examines the stream.
  mutating func wake() {
    let woken = waiters
    waiters.removeAll()
    for waiter in woken { waiter.continuation.resume() }
  }

  /// Wakes every waiter with `error`.
  mutating func fail(_ error: any Error) {
    let woken = waiters
    waiters.removeAll()
    for waiter in woken { waiter.continuation.resume(throwing: error) }
  }
}

extension DeviceConnection {
  /// Opens a stream to `service`: OPEN, then the phone's OKAY (open) or CLSE (refused).
  /// - Throws: ``ADBError/Code/serviceRefused``, or the connection's failure.
  func openStream(_ service: String) async throws -> UInt32 {
    if let failure { throw failure }
    noteReverseRequest(service)
    let localID = streams.open(service: service)
    highestLocalID = max(highestLocalID, localID)
    states[localID] = StreamState()
    var name = ByteBuffer(string: service)
    name.writeInteger(UInt8(0))  // AOSP hosts NUL-terminate the service name.
    let window = delayedAck ? UInt32(options.receiveWindow) : 0
    do {
      try await send(ADBPacket(.open, arg0: localID, arg1: window, payload: name))
      while true {
        guard let state = states[localID] else { throw failure ?? ADBError(.connectionLost, "stream closed") }
        if state.isOpen { return localID }
        if state.refused {
          states[localID] = nil
          throw ADBError(.serviceRefused, "\(serial) refused service '\(service)'")
        }
        try await waitForChange(of: localID)
      }
    } catch {
      await closeStream(localID)
      throw error
    }
  }

  /// The next input of a stream, acknowledged as it is taken; nil once the phone closed it.
  func receive(localID: UInt32) async throws -> ByteBuffer? {
    while true {
      if let failure { throw failure }
      guard var state = states[localID] else { return nil }
      if let chunk = state.pending.popFirst() {
        states[localID] = state
        if !state.peerClosed, let stream = streams[localID] {
          var okay = ADBPacket(.okay, arg0: localID, arg1: stream.remoteID)
          if delayedAck { okay.payload.writeInteger(Int32(chunk.readableBytes), endianness: .little) }
          try await send(okay)
        }
        return chunk
      }
      if state.peerClosed { return nil }
      try await waitForChange(of: localID)
    }
  }

  /// Sends `bytes` on a stream as WRTEs of at most ``maxPayload`` bytes, each when flow
  /// control allows.
  /// - Throws: ``ADBError/Code/connectionLost`` when the phone has closed the stream.
  func send(_ bytes: ByteBuffer, localID: UInt32) async throws {
    var bytes = bytes
    while bytes.readableBytes > 0 {
      if let failure { throw failure }
      guard let state = states[localID], !state.peerClosed, let stream = streams[localID] else {
        throw ADBError(.connectionLost, "\(serial) closed the stream")
      }
      guard stream.canWrite else {
        try await waitForChange(of: localID)
        continue
      }
      let chunk = bytes.readSlice(length: min(bytes.readableBytes, maxPayload))!
      streams.wrote(localID: localID, byteCount: chunk.readableBytes)
      try await send(ADBPacket(.write, arg0: localID, arg1: stream.remoteID, payload: chunk))
    }
  }

  /// Forgets a stream, telling the phone with CLSE unless it closed the stream first.
  func closeStream(_ localID: UInt32) async {
    guard var state = states.removeValue(forKey: localID) else { return }
    state.fail(ADBError(.connectionLost, "the stream was closed"))
    guard let stream = streams.remove(localID: localID), !state.peerClosed, stream.remoteID != 0 else { return }
    try? await send(ADBPacket(.close, arg0: localID, arg1: stream.remoteID))
  }

  /// Suspends until something happens on the stream (or the task is cancelled).
  func waitForChange(of localID: UInt32) async throws {
    nextWaiterID += 1
    let waiterID = nextWaiterID
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        if Task.isCancelled {
          continuation.resume(throwing: CancellationError())
        } else if let failure {
          continuation.resume(throwing: failure)
        } else if states[localID] == nil {
          continuation.resume()
        } else {
          states[localID]!.waiters.append((waiterID, continuation))
        }
      }
    } onCancel: {
      Task { await self.cancelWaiter(waiterID, of: localID) }
    }
  }

  private func cancelWaiter(_ waiterID: Int, of localID: UInt32) {
    guard let index = states[localID]?.waiters.firstIndex(where: { $0.id == waiterID }) else { return }
    states[localID]!.waiters.remove(at: index).continuation.resume(throwing: CancellationError())
  }
}

/// A native stream seen through ``StreamTransport``: every call goes through the actor.
final class NativeStreamTransport: StreamTransport {
  private let writer: NativeStreamWriter

  init(connection: DeviceConnection, localID: UInt32) {
    writer = NativeStreamWriter(connection: connection, localID: localID)
  }

  func receive() async throws -> ByteBuffer? {
    try await writer.connection.receive(localID: writer.localID)
  }

  func send(_ bytes: ByteBuffer) async throws {
    try await writer.send(bytes)
  }

  var concurrentWriter: any ConcurrentStreamWriter { writer }
}

/// Writes to a native stream from any task.
struct NativeStreamWriter: ConcurrentStreamWriter {
  let connection: DeviceConnection
  let localID: UInt32

  func send(_ bytes: ByteBuffer) async throws {
    try await connection.send(bytes, localID: localID)
  }
}
