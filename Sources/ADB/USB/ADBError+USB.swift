import CLibUSB
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension ADBError {
  /// Where AOSP sends users whose phone shows "no permissions" (`adb/client/usb_linux.cpp`).
  static let permissionsHelpURL = "http://developer.android.com/tools/device.html"

  /// Maps a failed libusb call to an error a user can act on.
  /// - Parameters:
  ///   - code: the negative `libusb_error` the call returned.
  ///   - action: what was attempted ("claim the ADB interface").
  ///   - device: how the phone is named (`usb:1-1.2`).
  static func usb(_ code: Int32, _ action: String, device: String) -> ADBError {
    let underlying = LibUSBError(code)
    switch code {
    case LIBUSB_ERROR_BUSY.rawValue:
      return ADBError(.deviceBusy, busyMessage(device: device), underlying: underlying)
    case LIBUSB_ERROR_ACCESS.rawValue:
      return ADBError(
        .permissionDenied, noPermissionsMessage(device: device, user: currentUser, inPlugdev: inPlugdevGroup),
        underlying: underlying)
    case LIBUSB_ERROR_NO_DEVICE.rawValue:
      return ADBError(.connectionLost, "\(device) was unplugged", underlying: underlying)
    case LIBUSB_ERROR_NOT_FOUND.rawValue:
      return ADBError(.deviceNotFound, "\(device) is gone or has no ADB interface", underlying: underlying)
    case LIBUSB_ERROR_TIMEOUT.rawValue:
      return ADBError(.timedOut, "cannot \(action) on \(device) in time", underlying: underlying)
    default:
      return ADBError(.usbError, "cannot \(action) on \(device)", underlying: underlying)
    }
  }

  /// Maps the status of a bulk transfer that did not complete.
  static func usbTransfer(_ status: libusb_transfer_status, _ action: String, device: String) -> ADBError {
    switch status {
    case LIBUSB_TRANSFER_CANCELLED:
      return ADBError(.connectionLost, "the USB link to \(device) was closed")
    case LIBUSB_TRANSFER_NO_DEVICE:
      return ADBError(.connectionLost, "\(device) was unplugged")
    case LIBUSB_TRANSFER_STALL:
      return ADBError(.usbError, "\(device) stalled the endpoint to \(action)")
    case LIBUSB_TRANSFER_OVERFLOW:
      return ADBError(.protocolError, "\(device) sent more than the host asked for while trying to \(action)")
    case LIBUSB_TRANSFER_TIMED_OUT:
      return ADBError(.timedOut, "cannot \(action) on \(device) in time")
    default:
      return ADBError(.usbError, "cannot \(action) on \(device): transfer error")
    }
  }

  /// LIBUSB_ERROR_BUSY on claim: only one process may claim the ADB interface, and an adb
  /// server (started by any `adb` command) claims every phone it sees (`ADB-PROTOCOL.md` §3).
  static func busyMessage(device: String) -> String {
    "\(device) is in use by another program, most likely an adb server. Stop it with `adb kill-server`, "
      + "or keep it and release only this phone: run the server with the libusb backend (ADB_LIBUSB=1 "
      + "adb start-server; add ADB_LIBUSB_START_DETACHED=1 to leave every phone free), then "
      + "`adb -s SERIAL detach`"
  }

  /// LIBUSB_ERROR_ACCESS on open, in AOSP's words (`UsbNoPermissionsShortHelpText`).
  static func noPermissionsMessage(device: String, user: String, inPlugdev: Bool) -> String {
    let reason =
      inPlugdev
      ? "user in plugdev group; are your udev rules wrong?" : "user \(user) is not in the plugdev group"
    return "no permissions for \(device) (\(reason)); see [\(permissionsHelpURL)]"
  }

  /// The name of the effective user.
  private static var currentUser: String {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "\(geteuid())" }
    return String(cString: name)
  }

  /// Whether this process is in the `plugdev` group, which Debian's udev rules grant phones to.
  private static var inPlugdevGroup: Bool {
    guard let group = getgrnam("plugdev") else { return false }
    let plugdev = group.pointee.gr_gid
    if getegid() == plugdev { return true }
    let count = getgroups(0, nil)
    guard count > 0 else { return false }
    var groups = [gid_t](repeating: 0, count: Int(count))
    let filled = getgroups(count, &groups)
    return groups.prefix(Int(max(filled, 0))).contains(plugdev)
  }
}
