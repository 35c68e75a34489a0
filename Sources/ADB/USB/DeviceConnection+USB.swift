extension DeviceConnection {
  /// Connects to a phone over USB, without an adb server, and runs the handshake.
  ///
  /// ```swift
  /// let phone = try await DeviceConnection.connectUSB(serial: nil, options: .init(keys: ADBKeyStore.allKeys()))
  /// print(try await phone.shell("getprop ro.product.model"))
  /// await phone.close()
  /// ```
  /// - Parameters:
  ///   - serial: the phone's serial (`iSerialNumber`) or USB path (`usb:1-1.2`); nil for the
  ///     only phone attached.
  ///   - options: keys, auth timeout, delayed-ack.
  /// - Returns: a connection named by the phone's serial.
  /// - Throws: ``ADBError``: `noDevice`, `moreThanOneDevice` or `deviceNotFound` when the
  ///   choice fails; `deviceBusy` when an adb server holds the phone; `permissionDenied` when
  ///   udev rules are missing; `deviceUnauthorized` when the phone trusts no key in time.
  public static func connectUSB(serial: String? = nil, options: Options = Options()) async throws -> DeviceConnection {
    let (link, info) = try await USBHost.open(serial: serial)
    return try await connect(over: link, serial: info.serial, options: options)
  }
}
