import ADBWire
import Foundation
import NIOCore

@testable import ADB

/// A bulk endpoint pair whose device side is the test, with USB's transfer semantics: an IN
/// read takes the device's transfers until one ends in a short packet (or a zero-length packet)
/// or the buffer is full, and a packet that does not fit a buffer is an overflow, as libusb
/// reports it. Every OUT transfer is recorded as it was made.
///
/// `@unchecked Sendable`: all state is read and written with `condition` locked.
final class FakeBulkPipe: USBBulkPipe, @unchecked Sendable {
  let path = "usb:9-1"
  let outMaxPacketSize: Int
  let inMaxPacketSize: Int

  private let condition = NSCondition()
  private var deviceTransfers: [[UInt8]] = []
  private var hostTransfers: [[UInt8]] = []
  private var requested: [Int] = []
  private var cancelled = false
  private var failure: ADBError?
  private var closeCount = 0
  private let writeDelay: Duration

  /// Creates a pipe; `writeDelay` slows each OUT transfer so that concurrent senders overlap.
  init(maxPacketSize: Int = 512, writeDelay: Duration = .zero) {
    self.outMaxPacketSize = maxPacketSize
    self.inMaxPacketSize = maxPacketSize
    self.writeDelay = writeDelay
  }

  // MARK: - The device side

  /// Queues IN transfers, each as the device would write it.
  func deviceWrites(_ transfers: [UInt8]...) {
    locked { deviceTransfers += transfers }
  }

  /// Queues a packet as adbd writes it: the header, then the payload in 16 KiB writes.
  func deviceSends(_ packet: ADBPacket) {
    var header = ByteBuffer()
    packet.writeHeader(to: &header, version: ADBProtocol.currentVersion)
    var transfers = [Array(header.readableBytesView)]
    let payload = Array(packet.payload.readableBytesView)
    for start in stride(from: 0, to: payload.count, by: 16 * 1024) {
      transfers.append(Array(payload[start..<min(start + 16 * 1024, payload.count)]))
    }
    locked { deviceTransfers += transfers }
  }

  /// Makes every pending and later transfer fail with `error`, as an unplug does.
  func fail(with error: ADBError) {
    locked { failure = error }
  }

  /// The OUT transfers so far, in order.
  var writes: [[UInt8]] { locked { hostTransfers } }
  /// The lengths the host asked for in its IN reads, in order.
  var readLengths: [Int] { locked { requested } }
  /// How often the link closed the pipe.
  var closes: Int { locked { closeCount } }

  // MARK: - USBBulkPipe

  func write(_ bytes: ByteBuffer) throws {
    if writeDelay > .zero { Thread.sleep(forTimeInterval: Double(writeDelay.components.attoseconds) / 1e18) }
    try locked {
      try check()
      hostTransfers.append(Array(bytes.readableBytesView))
    }
  }

  func read(maxLength: Int) throws -> ByteBuffer {
    condition.lock()
    defer { condition.unlock() }
    requested.append(maxLength)
    while deviceTransfers.isEmpty {
      try check()
      condition.wait()
    }
    try check()
    var received: [UInt8] = []
    while let transfer = deviceTransfers.first {
      let room = maxLength - received.count
      if transfer.count > room {
        guard room % inMaxPacketSize == 0 else {
          throw ADBError(.protocolError, "overflow: a \(transfer.count)-byte transfer into \(room) bytes")
        }
        // The buffer fills on a packet boundary; the rest is the next read's.
        received += transfer.prefix(room)
        deviceTransfers[0] = Array(transfer.dropFirst(room))
        break
      }
      received += transfer
      deviceTransfers.removeFirst()
      if transfer.isEmpty || transfer.count % inMaxPacketSize != 0 { break }  // a short packet ends it
    }
    return ByteBuffer(bytes: received)
  }

  func cancel() {
    locked { cancelled = true }
  }

  func close() {
    locked { closeCount += 1 }
  }

  // MARK: - Helpers

  private func check() throws {
    if let failure { throw failure }
    if cancelled { throw ADBError(.connectionLost, "the USB link to \(path) was closed") }
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    condition.lock()
    defer {
      condition.broadcast()
      condition.unlock()
    }
    return try body()
  }
}
