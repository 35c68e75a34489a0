import CLibUSB
import Foundation
import NIOPosix

/// Phones on this computer's USB buses, reached through libusb without an adb server.
///
/// ```swift
/// for phone in try USBHost.devices() { print(phone.serial, phone.path) }
/// let connection = try await DeviceConnection.connectUSB(serial: nil)
/// ```
public enum USBHost {
  /// Every USB device that has an ADB interface (class 0xFF, subclass 0x42, protocol 0x01).
  ///
  /// Each is opened briefly to read its serial and product strings; one this user may not
  /// open is still listed, with ``USBDeviceInfo/problem`` saying why. Blocks for as long as
  /// that takes (milliseconds per device).
  /// - Throws: ``ADBError/Code/usbError`` when libusb cannot list the buses.
  public static func devices() throws -> [USBDeviceInfo] {
    let context = try USBContext.shared()
    return try withDeviceList(context) { devices in devices.compactMap { probe($0)?.info } }
  }

  /// Opens the ADB interface of the phone with `serial` (its `iSerialNumber`, or a path such as
  /// `usb:1-1.2`), or of the only phone when `serial` is nil: detaches a kernel driver, claims
  /// the interface and clears both endpoints' halts, as AOSP does on open.
  ///
  /// A phone that has just appeared may not be accessible yet: udev fixes the permissions of
  /// its device node a moment later. `LIBUSB_ERROR_ACCESS` is retried for `permissionWait`
  /// (AOSP waits up to 1 s).
  /// - Throws: ``ADBError``: `noDevice`, `moreThanOneDevice`, `deviceNotFound`; `deviceBusy` when
  ///   an adb server holds the phone; `permissionDenied` when udev rules are missing.
  static func open(serial: String?, permissionWait: Duration = .seconds(1)) async throws -> (
    link: USBPacketLink, info: USBDeviceInfo
  ) {
    try await NIOThreadPool.singleton.runIfActive {
      let deadline = ContinuousClock.now + permissionWait
      while true {
        do {
          return try openNow(serial: serial)
        } catch let error as ADBError where error.code == .permissionDenied && ContinuousClock.now < deadline {
          Thread.sleep(forTimeInterval: 0.1)
        }
      }
    }
  }

  /// The index of the device `serial` names in `devices`.
  static func select(_ devices: [USBDeviceInfo], serial: String?) throws -> Int {
    guard let serial else {
      guard !devices.isEmpty else {
        throw ADBError(.noDevice, "no USB phone with an ADB interface found (is USB debugging on?)")
      }
      guard devices.count == 1 else {
        let serials = devices.map(\.serial).joined(separator: ", ")
        throw ADBError(.moreThanOneDevice, "more than one USB phone (\(serials)): name one by its serial")
      }
      return 0
    }
    if let index = devices.firstIndex(where: { $0.serial == serial || $0.path == serial || $0.path == "usb:\(serial)" })
    {
      return index
    }
    let known = devices.isEmpty ? "none" : devices.map(\.serial).joined(separator: ", ")
    throw ADBError(.deviceNotFound, "no USB phone '\(serial)' (USB phones: \(known))")
  }

  // MARK: - libusb

  /// Opens and claims the phone `serial` names, once.
  private static func openNow(serial: String?) throws -> (link: USBPacketLink, info: USBDeviceInfo) {
    let context = try USBContext.shared()
    return try withDeviceList(context) { devices in
      let found = devices.compactMap(probe)
      let (device, interface, info) = found[try select(found.map(\.info), serial: serial)]
      if let problem = info.problem { throw problem }
      var opened: OpaquePointer?
      let result = libusb_open(device, &opened)
      guard result == 0, let handle = opened else { throw ADBError.usb(result, "open", device: info.path) }
      do {
        try claim(interface, of: handle, path: info.path)
      } catch {
        libusb_close(handle)
        throw error
      }
      let pipe = LibUSBBulkPipe(context: context, handle: handle, interface: interface, path: info.path)
      return (USBPacketLink(pipe: pipe), info)
    }
  }

  private static func claim(_ interface: ADBInterface, of handle: OpaquePointer, path: String) throws {
    if libusb_kernel_driver_active(handle, interface.number) == 1 {
      let result = libusb_detach_kernel_driver(handle, interface.number)
      guard result == 0 || result == LIBUSB_ERROR_NOT_FOUND.rawValue else {
        throw ADBError.usb(result, "detach the kernel driver", device: path)
      }
    }
    let result = libusb_claim_interface(handle, interface.number)
    guard result == 0 else { throw ADBError.usb(result, "claim the ADB interface", device: path) }
    // An earlier session may have left an endpoint halted; AOSP clears both on open.
    for endpoint in [interface.outEndpoint, interface.inEndpoint] {
      let cleared = libusb_clear_halt(handle, endpoint)
      if cleared == LIBUSB_ERROR_NO_DEVICE.rawValue {
        _ = libusb_release_interface(handle, interface.number)
        throw ADBError.usb(cleared, "clear the endpoint halt", device: path)
      }
    }
  }

  /// Runs `body` with the devices on the buses now; they stay referenced until it returns.
  private static func withDeviceList<Result>(_ context: USBContext, _ body: ([OpaquePointer]) throws -> Result)
    throws -> Result
  {
    var list: UnsafeMutablePointer<OpaquePointer?>?
    let count = libusb_get_device_list(context.pointer, &list)
    guard count >= 0, let list else {
      throw ADBError.usb(Int32(truncatingIfNeeded: count), "list the devices", device: "the USB buses")
    }
    defer { libusb_free_device_list(list, 1) }
    return try body((0..<count).compactMap { list[$0] })
  }

  /// The ADB interface and description of `device`, or nil when it has no ADB interface.
  private static func probe(_ device: OpaquePointer) -> (
    device: OpaquePointer, interface: ADBInterface, info: USBDeviceInfo
  )? {
    var descriptor = libusb_device_descriptor()
    guard libusb_get_device_descriptor(device, &descriptor) == 0,
      let interface = ADBInterface.find(in: interfaceDescriptors(of: device))
    else { return nil }
    let path = self.path(of: device)
    var info = USBDeviceInfo(serial: path, path: path, vendorID: descriptor.idVendor, productID: descriptor.idProduct)
    var opened: OpaquePointer?
    let result = libusb_open(device, &opened)
    if result == 0, let handle = opened {
      if let serial = string(descriptor.iSerialNumber, of: handle), !serial.isEmpty { info.serial = serial }
      info.product = string(descriptor.iProduct, of: handle)
      libusb_close(handle)
    } else {
      info.problem = ADBError.usb(result, "open", device: path)
    }
    return (device, interface, info)
  }

  /// `usb:BUS-PORT.PORT…`, the form `adb devices -l` prints.
  private static func path(of device: OpaquePointer) -> String {
    var ports = [UInt8](repeating: 0, count: 8)  // USB 3 allows a depth of 7 hubs
    let count = libusb_get_port_numbers(device, &ports, Int32(ports.count))
    let chain = ports.prefix(Int(max(count, 0))).map(String.init).joined(separator: ".")
    return "usb:\(libusb_get_bus_number(device))-\(chain)"
  }

  /// String descriptor `index` in ASCII (libusb replaces other characters with `?`).
  private static func string(_ index: UInt8, of handle: OpaquePointer) -> String? {
    guard index != 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: 256)
    let count = libusb_get_string_descriptor_ascii(handle, index, &bytes, Int32(bytes.count))
    guard count > 0 else { return nil }
    return String(decoding: bytes.prefix(Int(count)), as: UTF8.self)
  }

  /// Every interface setting of the active configuration (or the first, when unconfigured).
  private static func interfaceDescriptors(of device: OpaquePointer) -> [ADBInterface.Descriptor] {
    var config: UnsafeMutablePointer<libusb_config_descriptor>?
    if libusb_get_active_config_descriptor(device, &config) != 0 {
      guard libusb_get_config_descriptor(device, 0, &config) == 0 else { return [] }
    }
    guard let config else { return [] }
    defer { libusb_free_config_descriptor(config) }
    var descriptors: [ADBInterface.Descriptor] = []
    for interface in UnsafeBufferPointer(start: config.pointee.interface, count: Int(config.pointee.bNumInterfaces)) {
      for setting in UnsafeBufferPointer(start: interface.altsetting, count: Int(interface.num_altsetting)) {
        let endpoints = UnsafeBufferPointer(start: setting.endpoint, count: Int(setting.bNumEndpoints)).map {
          ADBInterface.Endpoint(
            address: $0.bEndpointAddress, attributes: $0.bmAttributes, maxPacketSize: $0.wMaxPacketSize)
        }
        descriptors.append(
          ADBInterface.Descriptor(
            number: setting.bInterfaceNumber, alternateSetting: setting.bAlternateSetting,
            interfaceClass: setting.bInterfaceClass, interfaceSubclass: setting.bInterfaceSubClass,
            interfaceProtocol: setting.bInterfaceProtocol, endpoints: endpoints))
      }
    }
    return descriptors
  }
}
