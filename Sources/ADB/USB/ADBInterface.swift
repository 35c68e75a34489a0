/// Where ADB lives on a USB device: the interface and its first bulk IN and OUT endpoints.
///
/// Phones are often composite (MTP + ADB, RNDIS + ADB), so every interface is inspected
/// (`ADB-PROTOCOL.md` §3, AOSP `adb/client/usb_libusb.cpp`).
struct ADBInterface: Hashable, Sendable {
  /// `bInterfaceNumber`.
  var number: Int32
  /// The bulk IN endpoint's address (bit 7 set).
  var inEndpoint: UInt8
  /// The bulk OUT endpoint's address.
  var outEndpoint: UInt8
  /// The IN endpoint's `wMaxPacketSize`.
  var inMaxPacketSize: Int
  /// The OUT endpoint's `wMaxPacketSize`.
  var outMaxPacketSize: Int

  /// The ADB interface class triple (AOSP `adb.h` ADB_CLASS, ADB_SUBCLASS, ADB_PROTOCOL).
  /// Fastboot shares class and subclass with protocol 0x03, so the protocol must match too.
  static let interfaceClass: UInt8 = 0xFF
  static let interfaceSubclass: UInt8 = 0x42
  static let interfaceProtocol: UInt8 = 0x01

  /// `bmAttributes & 3` of a bulk endpoint (USB 2.0 §9.6.6).
  static let bulkTransferType: UInt8 = 2
  /// Bit 7 of `bEndpointAddress`: the device-to-host direction.
  static let directionIn: UInt8 = 0x80

  /// An interface descriptor as far as the search needs it.
  struct Descriptor: Hashable, Sendable {
    var number: UInt8
    var alternateSetting: UInt8
    var interfaceClass: UInt8
    var interfaceSubclass: UInt8
    var interfaceProtocol: UInt8
    var endpoints: [Endpoint]
  }

  /// An endpoint descriptor as far as the search needs it.
  struct Endpoint: Hashable, Sendable {
    var address: UInt8
    var attributes: UInt8
    var maxPacketSize: UInt16
  }

  /// The first ADB interface among `descriptors` (altsetting 0 of class 0xFF/0x42/0x01 with a
  /// bulk IN and a bulk OUT endpoint), or nil.
  static func find(in descriptors: [Descriptor]) -> ADBInterface? {
    for descriptor in descriptors
    where descriptor.alternateSetting == 0 && descriptor.interfaceClass == interfaceClass
      && descriptor.interfaceSubclass == interfaceSubclass && descriptor.interfaceProtocol == interfaceProtocol
    {
      let bulk = descriptor.endpoints.filter { $0.attributes & 0x03 == bulkTransferType }
      guard let input = bulk.first(where: { $0.address & directionIn != 0 }),
        let output = bulk.first(where: { $0.address & directionIn == 0 })
      else { continue }
      return ADBInterface(
        number: Int32(descriptor.number), inEndpoint: input.address, outEndpoint: output.address,
        // Bits 10-0 are the size; bits 12-11 count extra high-bandwidth transactions.
        inMaxPacketSize: Int(input.maxPacketSize & 0x7FF), outMaxPacketSize: Int(output.maxPacketSize & 0x7FF))
    }
    return nil
  }
}
