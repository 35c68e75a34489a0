/// A USB device with an ADB interface, as ``USBHost/devices()`` finds it.
public struct USBDeviceInfo: Hashable, Sendable, CustomStringConvertible {
  /// The `iSerialNumber` string: the serial `adb devices` shows. When it cannot be read (no
  /// permission, or the device has none) this is ``path``, as AOSP does.
  public var serial: String
  /// Bus and port numbers, as `adb devices -l` prints them: `usb:1-1.2`.
  public var path: String
  /// `idVendor` (0x18D1 for Google).
  public var vendorID: UInt16
  /// `idProduct`.
  public var productID: UInt16
  /// The `iProduct` string ("Pixel 7"), when readable.
  public var product: String?
  /// Why the device cannot be used, when it cannot: ``ADBError/Code/permissionDenied`` when this
  /// user may not open it (udev rules). Nil for a usable device.
  public var problem: ADBError?

  /// Creates a description.
  public init(
    serial: String, path: String, vendorID: UInt16, productID: UInt16, product: String? = nil,
    problem: ADBError? = nil
  ) {
    self.serial = serial
    self.path = path
    self.vendorID = vendorID
    self.productID = productID
    self.product = product
    self.problem = problem
  }

  /// `SERIAL  usb:1-1.2 product:… (18d1:4ee7)`, plus the problem when there is one.
  public var description: String {
    var text = "\(serial) \(path)"
    if let product { text += " product:\(product)" }
    text += " (\(Self.hex(vendorID)):\(Self.hex(productID)))"
    if let problem { text += " \(problem.message)" }
    return text
  }

  private static func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
