/// The one error type of the ADB layer: what failed, in words a user can act on, and the
/// wire-level error beneath it when there is one.
///
/// ```swift
/// do { try await device.shell("ls") } catch let error as ADBError where error.code == .deviceNotFound { … }
/// ```
public struct ADBError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of failure this is. Extensible: new codes can be added without breaking callers.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, Hashable, Sendable {
      case serverUnavailable = "adb server unavailable"
      case serverFailure = "adb server refused"
      case deviceNotFound = "device not found"
      case deviceUnauthorized = "device unauthorized"
      case deviceOffline = "device offline"
      case moreThanOneDevice = "more than one device"
      case noDevice = "no device"
      case serviceRefused = "service refused"
      case connectionLost = "connection lost"
      case protocolError = "protocol error"
      case fileTransferFailed = "file transfer failed"
      case localFileError = "local file error"
      case timedOut = "timed out"
      case deviceBusy = "device busy"
      case permissionDenied = "no permissions"
      case usbError = "USB error"
    }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// No adb server answers at the address (and none could be started).
    public static let serverUnavailable = Code(.serverUnavailable)
    /// The server answered FAIL with a reason not covered by a more specific code.
    public static let serverFailure = Code(.serverFailure)
    /// "device 'X' not found".
    public static let deviceNotFound = Code(.deviceNotFound)
    /// "device unauthorized": the user has not accepted this computer's key.
    public static let deviceUnauthorized = Code(.deviceUnauthorized)
    /// "device offline".
    public static let deviceOffline = Code(.deviceOffline)
    /// "more than one device/emulator": a serial is needed.
    public static let moreThanOneDevice = Code(.moreThanOneDevice)
    /// "no devices/emulators found".
    public static let noDevice = Code(.noDevice)
    /// The device refused to open the service (FAIL "closed" or CLSE).
    public static let serviceRefused = Code(.serviceRefused)
    /// The connection closed in the middle of an exchange.
    public static let connectionLost = Code(.connectionLost)
    /// The peer sent bytes that break the protocol.
    public static let protocolError = Code(.protocolError)
    /// A sync transfer failed on the device (its FAIL message is in `message`).
    public static let fileTransferFailed = Code(.fileTransferFailed)
    /// A file on this computer could not be read or written.
    public static let localFileError = Code(.localFileError)
    /// An operation did not finish in time.
    public static let timedOut = Code(.timedOut)
    /// Another program (usually an adb server) has claimed the phone's USB interface.
    public static let deviceBusy = Code(.deviceBusy)
    /// This user may not open the phone's USB device (udev rules, the plugdev group).
    public static let permissionDenied = Code(.permissionDenied)
    /// libusb reported a failure not covered by a more specific code.
    public static let usbError = Code(.usbError)

    public var description: String { base.rawValue }
  }

  /// What kind of failure this is.
  public var code: Code
  /// What happened, in the peer's words where it gave any.
  public var message: String
  /// The error beneath, described (wire errors, socket errors).
  public var underlying: String?

  /// Creates an error.
  public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
    self.code = code
    self.message = message
    self.underlying = underlying.map { "\($0)" }
  }

  public var description: String {
    underlying.map { "\(message) (\($0))" } ?? message
  }

  /// Maps the adb server's FAIL text to a code, keeping the server's words
  /// (AOSP `adb/transport.cpp` `acquire_one_transport`).
  static func serverFailure(_ text: String) -> ADBError {
    let code: Code
    switch text {
    case let text where text.hasPrefix("device '") && text.hasSuffix("' not found"): code = .deviceNotFound
    case let text where text.hasPrefix("device unauthorized"): code = .deviceUnauthorized
    case let text where text.hasPrefix("device offline"): code = .deviceOffline
    case let text where text.hasPrefix("more than one"): code = .moreThanOneDevice
    case let text where text.hasPrefix("no devices"): code = .noDevice
    case "closed": code = .serviceRefused
    default: code = .serverFailure
    }
    return ADBError(code, text.trimmingSuffixNewlines)
  }
}

extension String {
  var trimmingSuffixNewlines: String {
    var text = self
    while text.last?.isNewline == true { text.removeLast() }
    return text
  }
}
