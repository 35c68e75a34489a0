import CLibUSB
import NIOCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A claimed ADB interface's bulk endpoints, driven through libusb's asynchronous API so that a
/// blocked transfer can be cancelled: each call submits one transfer and handles events until
/// it completes, as `libusb_bulk_transfer` does, but ``cancel()`` can end it.
///
/// `@unchecked Sendable`: the handle and endpoint numbers are constants; the in-flight set and
/// the cancelled flag are guarded by a `Mutex`; libusb itself is thread-safe.
final class LibUSBBulkPipe: USBBulkPipe, @unchecked Sendable {
  let path: String
  let outMaxPacketSize: Int
  let inMaxPacketSize: Int

  private let context: USBContext
  /// The `libusb_device_handle *`, closed by ``close()``.
  private let handle: OpaquePointer
  private let interface: ADBInterface
  private let state = Mutex(State())

  private struct State {
    var cancelled = false
    /// Transfers submitted and not yet returned, as integers so the state is `Sendable`.
    /// A transfer stays allocated while it is here, so ``cancel()`` may touch it.
    var inFlight: Set<UInt> = []
  }

  /// Wraps an opened handle whose ADB interface is claimed.
  init(context: USBContext, handle: OpaquePointer, interface: ADBInterface, path: String) {
    self.context = context
    self.handle = handle
    self.interface = interface
    self.path = path
    self.outMaxPacketSize = interface.outMaxPacketSize
    self.inMaxPacketSize = interface.inMaxPacketSize
  }

  func write(_ bytes: ByteBuffer) throws {
    var bytes = bytes
    let length = bytes.readableBytes
    let sent = try bytes.withUnsafeMutableReadableBytes { buffer in
      try transfer(endpoint: interface.outEndpoint, buffer: buffer.baseAddress, length: length, action: "write")
    }
    guard sent == length else {
      throw ADBError(.usbError, "\(path) accepted \(sent) of \(length) bytes")
    }
  }

  func read(maxLength: Int) throws -> ByteBuffer {
    var buffer = ByteBuffer()
    try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: maxLength) { space in
      try transfer(endpoint: interface.inEndpoint, buffer: space.baseAddress, length: maxLength, action: "read")
    }
    return buffer
  }

  func cancel() {
    state.withLock { state in
      state.cancelled = true
      for address in state.inFlight {
        // Harmless on a transfer that has just completed (LIBUSB_ERROR_NOT_FOUND).
        _ = libusb_cancel_transfer(UnsafeMutablePointer<libusb_transfer>(bitPattern: address))
      }
    }
  }

  func close() {
    _ = libusb_release_interface(handle, interface.number)
    libusb_close(handle)
  }

  // MARK: - Transfers

  /// Submits one bulk transfer and handles events until it completes.
  /// - Returns: the bytes transferred.
  private func transfer(endpoint: UInt8, buffer: UnsafeMutableRawPointer?, length: Int, action: String) throws
    -> Int
  {
    guard let transfer = libusb_alloc_transfer(0) else {
      throw ADBError(.usbError, "cannot allocate a USB transfer for \(path)")
    }
    defer { libusb_free_transfer(transfer) }
    // Set by the callback on the thread that handles events; read by libusb's
    // handle_events_completed under its event lock, as its synchronous API does.
    let completed = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    completed.initialize(to: 0)
    defer { completed.deallocate() }

    transfer.pointee.dev_handle = handle
    transfer.pointee.endpoint = endpoint
    transfer.pointee.type = UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue)
    transfer.pointee.timeout = 0
    transfer.pointee.buffer = buffer?.assumingMemoryBound(to: UInt8.self)
    transfer.pointee.length = Int32(length)
    transfer.pointee.user_data = UnsafeMutableRawPointer(completed)
    transfer.pointee.callback = { transfer in
      transfer?.pointee.user_data.assumingMemoryBound(to: Int32.self).pointee = 1
    }

    let address = UInt(bitPattern: transfer)
    let submitted = try state.withLock { state throws -> Int32 in
      guard !state.cancelled else { throw ADBError(.connectionLost, "the USB link to \(path) was closed") }
      let result = libusb_submit_transfer(transfer)
      if result == 0 { state.inFlight.insert(address) }
      return result
    }
    guard submitted == 0 else { throw ADBError.usb(submitted, action, device: path) }

    while completed.pointee == 0 {
      var timeout = timeval(tv_sec: 1, tv_usec: 0)
      _ = libusb_handle_events_timeout_completed(context.pointer, &timeout, completed)
    }
    state.withLock { _ = $0.inFlight.remove(address) }

    let status = transfer.pointee.status
    guard status == LIBUSB_TRANSFER_COMPLETED else { throw ADBError.usbTransfer(status, action, device: path) }
    return Int(transfer.pointee.actual_length)
  }
}
