import ADBWire
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// The device protocol over a claimed USB interface (`ADB-PROTOCOL.md` §3).
///
/// - Sending: header and payload go out as separate bulk transfers, and a payload whose length
///   is a non-zero multiple of the OUT endpoint's `wMaxPacketSize` is followed by a zero-length
///   packet: adbd reads fixed 16 KiB requests and would otherwise wait for more, or merge the
///   next header into this payload (AOSP `docs/dev/zero_length_packet.md`). One writer thread
///   sends whole packets in turn, so packets of concurrent callers never interleave.
/// - Receiving: a reader thread runs ``USBPacketReader`` (header, then payload, resynchronising
///   on stray transfers) and yields packets into ``inbound``.
///
/// libusb calls block, so both run on threads of their own, never on the Swift concurrency
/// pool. ``close()`` cancels their transfers; the last one out releases the interface.
final class USBPacketLink: PacketLink {
  let inbound: AsyncThrowingStream<ADBPacket, any Error>
  let peerDescription: String

  private let pipe: any USBBulkPipe
  /// One thread: work items run in submission order, one packet each.
  private let writer: NIOThreadPool
  private let closed: Closed

  /// Starts reading from `pipe`, which must belong to this link alone.
  /// - Parameter maxPayload: the largest payload accepted from the device.
  init(pipe: any USBBulkPipe, maxPayload: Int = ADBProtocol.maxPayload) {
    let (inbound, continuation) = AsyncThrowingStream.makeStream(of: ADBPacket.self, throwing: (any Error).self)
    self.inbound = inbound
    self.pipe = pipe
    self.peerDescription = pipe.path
    self.writer = NIOThreadPool(numberOfThreads: 1)
    self.closed = Closed()
    writer.start()

    let writer = self.writer
    let closed = self.closed
    continuation.onTermination = { _ in
      closed.set()
      pipe.cancel()
    }
    // The thread holds what it needs, not `self`: a link nobody holds is closed by `deinit`.
    let thread = Thread {
      var reader = USBPacketReader(pipe: pipe, maxPayload: maxPayload)
      do {
        while true { continuation.yield(try reader.next()) }
      } catch {
        if closed.isSet { continuation.finish() } else { continuation.finish(throwing: error) }
      }
      // The link is over either way: stop writers, wait for the one in flight, then let go.
      closed.set()
      pipe.cancel()
      try? writer.syncShutdownGracefully()
      pipe.close()
    }
    thread.name = "usb-reader \(pipe.path)"
    thread.start()
  }

  deinit {
    close()
  }

  func send(_ packet: ADBPacket, checksumVersion: UInt32) async throws {
    guard !closed.isSet else { throw lost }
    var headerBytes = ByteBuffer()
    packet.writeHeader(to: &headerBytes, version: checksumVersion)
    let header = headerBytes
    let payload = packet.payload
    let zeroLengthPacket = Self.needsZeroLengthPacket(
      payloadLength: payload.readableBytes, maxPacketSize: pipe.outMaxPacketSize)
    let pipe = self.pipe
    do {
      try await writer.runIfActive {
        try pipe.write(header)
        if payload.readableBytes > 0 { try pipe.write(payload) }
        if zeroLengthPacket { try pipe.write(ByteBuffer()) }
      }
    } catch let error as ADBError {
      throw error
    } catch {
      // NIOThreadPoolError.ThreadPoolInactive: the link closed while this packet waited.
      throw lost
    }
  }

  func close() {
    closed.set()
    pipe.cancel()
  }

  private var lost: ADBError {
    ADBError(.connectionLost, "the USB link to \(peerDescription) was closed")
  }

  /// Whether a payload needs a zero-length packet after it: its length is a non-zero multiple
  /// of `wMaxPacketSize` (`payload_len & zlp_mask == 0`, AOSP `usb_libusb.cpp`).
  static func needsZeroLengthPacket(payloadLength: Int, maxPacketSize: Int) -> Bool {
    payloadLength > 0 && maxPacketSize > 0 && payloadLength % maxPacketSize == 0
  }
}

/// Set once when the link closes; read by senders and the reader thread.
private final class Closed: Sendable {
  private let value = Mutex(false)

  func set() { value.withLock { $0 = true } }
  var isSet: Bool { value.withLock { $0 } }
}
