import NIOCore

/// The bulk endpoint pair of a claimed ADB interface: what ``USBPacketLink`` needs from libusb.
///
/// ``LibUSBBulkPipe`` is the real one; tests put a fake here to check the link's framing (separate
/// header and payload transfers, zero-length packets, resynchronisation) without a device.
/// Every call but ``cancel()`` blocks its thread: the link calls them from threads of its own,
/// never from the Swift concurrency pool.
protocol USBBulkPipe: AnyObject, Sendable {
  /// How messages name the device: `usb:1-1.2`.
  var path: String { get }
  /// The OUT endpoint's `wMaxPacketSize` (64 full speed, 512 high, 1024 SuperSpeed): a payload of
  /// a non-zero multiple of it must be followed by a zero-length packet.
  var outMaxPacketSize: Int { get }
  /// The IN endpoint's `wMaxPacketSize`: reads ask for multiples of it, so that a packet never
  /// overflows the buffer (`LIBUSB_ERROR_OVERFLOW`).
  var inMaxPacketSize: Int { get }

  /// Sends `bytes` as one bulk OUT transfer; an empty buffer sends a zero-length packet.
  /// - Throws: ``ADBError``: ``ADBError/Code/connectionLost`` once cancelled or unplugged.
  func write(_ bytes: ByteBuffer) throws

  /// Receives one bulk IN transfer of at most `maxLength` bytes: it ends when the device sends a
  /// short packet or the buffer is full.
  /// - Throws: ``ADBError``: ``ADBError/Code/connectionLost`` once cancelled or unplugged.
  func read(maxLength: Int) throws -> ByteBuffer

  /// Makes pending and later transfers fail with ``ADBError/Code/connectionLost``. Returns at
  /// once; safe from any thread, more than once.
  func cancel()

  /// Releases the interface and closes the device. Called once, after ``cancel()``, when no
  /// transfer is pending any more.
  func close()
}
