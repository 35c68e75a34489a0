import CLibUSB
import Foundation
import Synchronization

/// The process's one libusb context, created on first use.
///
/// libusb contexts are thread-safe (libusb "Multi-threaded applications"): every thread may
/// submit transfers and handle events on it. The pointer never changes after `libusb_init`, so
/// the wrapper is `@unchecked Sendable`; it lives as long as the process and is never exited.
final class USBContext: @unchecked Sendable {
  /// The `libusb_context *`.
  let pointer: OpaquePointer
  /// Whether the thread that handles events for hotplug callbacks has been started.
  private let eventThreadStarted = Mutex(false)

  private init(pointer: OpaquePointer) {
    self.pointer = pointer
  }

  /// Swift initializes a static constant once, on first access, under a lock: the context is
  /// created lazily and exactly once even when threads race for it.
  private static let created: Result<USBContext, ADBError> = {
    var context: OpaquePointer?
    let result = libusb_init(&context)
    guard result == 0, let context else {
      return .failure(ADBError(.usbError, "cannot initialise libusb", underlying: LibUSBError(result)))
    }
    return .success(USBContext(pointer: context))
  }()

  /// The shared context.
  /// - Throws: ``ADBError/Code/usbError`` when libusb cannot initialise (no usbfs, say).
  static func shared() throws(ADBError) -> USBContext {
    try created.get()
  }

  /// Whether libusb delivers hotplug events on this system (`LIBUSB_CAP_HAS_HOTPLUG`).
  static var hasHotplug: Bool {
    libusb_has_capability(UInt32(LIBUSB_CAP_HAS_HOTPLUG.rawValue)) != 0
  }

  /// Starts, once, a thread that handles libusb events for the rest of the process.
  ///
  /// Hotplug callbacks run inside `libusb_handle_events`, so someone must call it even when no
  /// transfer is pending. Transfers wait for their own completion as before: libusb lets one
  /// thread handle events while the others sleep on the event waiters' lock.
  func startEventThread() {
    let start = eventThreadStarted.withLock { started in
      defer { started = true }
      return !started
    }
    guard start else { return }
    let thread = Thread { [self] in
      while true {
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        _ = libusb_handle_events_timeout_completed(pointer, &timeout, nil)
      }
    }
    thread.name = "libusb events"
    thread.start()
  }
}

/// A libusb return code, named as libusb names it (`LIBUSB_ERROR_BUSY`): the `underlying` of an
/// ``ADBError`` that comes from libusb.
struct LibUSBError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The negative `libusb_error` value.
  var code: Int32

  init(_ code: Int32) {
    self.code = code
  }

  var description: String { String(cString: libusb_error_name(code)) }
}
