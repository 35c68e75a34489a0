import CLibUSB
import Testing

@testable import ADB

/// The parts of the USB host that need no device: finding the ADB interface, choosing a phone,
/// and turning libusb errors into advice.
@Suite struct USBHostTests {
  typealias Descriptor = ADBInterface.Descriptor
  typealias Endpoint = ADBInterface.Endpoint

  static let adbEndpoints = [
    Endpoint(address: 0x01, attributes: 2, maxPacketSize: 512),
    Endpoint(address: 0x81, attributes: 2, maxPacketSize: 512),
  ]

  // MARK: - Finding the interface

  @Test func findsTheADBInterfaceOfACompositeDevice() {
    let mtp = Descriptor(
      number: 0, alternateSetting: 0, interfaceClass: 6, interfaceSubclass: 1, interfaceProtocol: 1,
      endpoints: [
        Endpoint(address: 0x82, attributes: 2, maxPacketSize: 512),
        Endpoint(address: 0x02, attributes: 2, maxPacketSize: 512),
      ])
    let adb = Descriptor(
      number: 1, alternateSetting: 0, interfaceClass: 0xFF, interfaceSubclass: 0x42, interfaceProtocol: 1,
      endpoints: [
        Endpoint(address: 0x83, attributes: 3, maxPacketSize: 8),  // an interrupt endpoint comes first
        Endpoint(address: 0x03, attributes: 2, maxPacketSize: 1024),
        Endpoint(address: 0x84, attributes: 2, maxPacketSize: 1024),
        Endpoint(address: 0x85, attributes: 2, maxPacketSize: 1024),
      ])
    #expect(
      ADBInterface.find(in: [mtp, adb])
        == ADBInterface(number: 1, inEndpoint: 0x84, outEndpoint: 0x03, inMaxPacketSize: 1024, outMaxPacketSize: 1024))
  }

  @Test func ignoresFastbootOtherAltsettingsAndInterfacesWithoutBothBulkEndpoints() {
    let fastboot = Descriptor(
      number: 0, alternateSetting: 0, interfaceClass: 0xFF, interfaceSubclass: 0x42, interfaceProtocol: 3,
      endpoints: Self.adbEndpoints)
    let alternate = Descriptor(
      number: 1, alternateSetting: 1, interfaceClass: 0xFF, interfaceSubclass: 0x42, interfaceProtocol: 1,
      endpoints: Self.adbEndpoints)
    let outOnly = Descriptor(
      number: 2, alternateSetting: 0, interfaceClass: 0xFF, interfaceSubclass: 0x42, interfaceProtocol: 1,
      endpoints: [Endpoint(address: 0x01, attributes: 2, maxPacketSize: 512)])
    #expect(ADBInterface.find(in: [fastboot, alternate, outOnly]) == nil)
  }

  @Test func readsOnlyTheSizeBitsOfWMaxPacketSize() {
    // High-bandwidth endpoints put extra transactions in bits 12-11.
    let adb = Descriptor(
      number: 0, alternateSetting: 0, interfaceClass: 0xFF, interfaceSubclass: 0x42, interfaceProtocol: 1,
      endpoints: [
        Endpoint(address: 0x01, attributes: 2, maxPacketSize: 0x1200),
        Endpoint(address: 0x81, attributes: 2, maxPacketSize: 64),
      ])
    #expect(ADBInterface.find(in: [adb])?.outMaxPacketSize == 512)
    #expect(ADBInterface.find(in: [adb])?.inMaxPacketSize == 64)
  }

  // MARK: - Choosing a phone

  static let phones = [
    USBDeviceInfo(serial: "AAA", path: "usb:1-1", vendorID: 0x18D1, productID: 0x4EE7),
    USBDeviceInfo(serial: "BBB", path: "usb:1-2.3", vendorID: 0x18D1, productID: 0x4EE7),
  ]

  @Test func choosesTheOnlyPhoneWithoutASerial() throws {
    #expect(try USBHost.select([Self.phones[1]], serial: nil) == 0)
  }

  @Test func choosesBySerialOrPath() throws {
    #expect(try USBHost.select(Self.phones, serial: "BBB") == 1)
    #expect(try USBHost.select(Self.phones, serial: "usb:1-2.3") == 1)
    #expect(try USBHost.select(Self.phones, serial: "1-1") == 0)
  }

  @Test func explainsAFailedChoice() {
    #expect(throws: ADBError.self) { try USBHost.select([], serial: nil) }
    let none = #expect(throws: ADBError.self) { try USBHost.select([], serial: nil) }
    #expect(none?.code == .noDevice)
    let many = #expect(throws: ADBError.self) { try USBHost.select(Self.phones, serial: nil) }
    #expect(many?.code == .moreThanOneDevice)
    #expect(many?.message.contains("AAA, BBB") == true)
    let unknown = #expect(throws: ADBError.self) { try USBHost.select(Self.phones, serial: "CCC") }
    #expect(unknown?.code == .deviceNotFound)
    #expect(unknown?.message == "no USB phone 'CCC' (USB phones: AAA, BBB)")
  }

  // MARK: - Errors

  @Test func explainsABusyInterfaceWithTheWaysToReleaseIt() {
    let error = ADBError.usb(LIBUSB_ERROR_BUSY.rawValue, "claim the ADB interface", device: "usb:1-1")
    #expect(error.code == .deviceBusy)
    #expect(error.underlying == "LIBUSB_ERROR_BUSY")
    for advice in [
      "adb server", "adb kill-server", "ADB_LIBUSB=1", "ADB_LIBUSB_START_DETACHED=1", "adb -s SERIAL detach",
    ] {
      #expect(error.message.contains(advice), "missing \(advice)")
    }
  }

  @Test func explainsMissingPermissionsInAOSPWords() {
    let error = ADBError.usb(LIBUSB_ERROR_ACCESS.rawValue, "open", device: "usb:1-1")
    #expect(error.code == .permissionDenied)
    #expect(error.message.contains("plugdev group"))
    #expect(error.message.hasSuffix("see [http://developer.android.com/tools/device.html]"))
    #expect(
      ADBError.noPermissionsMessage(device: "usb:1-1", user: "alice", inPlugdev: false)
        == "no permissions for usb:1-1 (user alice is not in the plugdev group); "
        + "see [http://developer.android.com/tools/device.html]")
    #expect(
      ADBError.noPermissionsMessage(device: "usb:1-1", user: "alice", inPlugdev: true)
        == "no permissions for usb:1-1 (user in plugdev group; are your udev rules wrong?); "
        + "see [http://developer.android.com/tools/device.html]")
  }

  @Test func mapsUnplugsAndTransferFailures() {
    #expect(ADBError.usb(LIBUSB_ERROR_NO_DEVICE.rawValue, "open", device: "usb:1-1").code == .connectionLost)
    #expect(ADBError.usb(LIBUSB_ERROR_IO.rawValue, "open", device: "usb:1-1").code == .usbError)
    #expect(ADBError.usbTransfer(LIBUSB_TRANSFER_NO_DEVICE, "read", device: "usb:1-1").code == .connectionLost)
    #expect(ADBError.usbTransfer(LIBUSB_TRANSFER_CANCELLED, "read", device: "usb:1-1").code == .connectionLost)
    #expect(ADBError.usbTransfer(LIBUSB_TRANSFER_OVERFLOW, "read", device: "usb:1-1").code == .protocolError)
    #expect(ADBError.usbTransfer(LIBUSB_TRANSFER_STALL, "write", device: "usb:1-1").code == .usbError)
  }
}
