public import NIOCore

/// The identity string a CNXN carries: `<systemtype>:<serial>:<props>`.
///
/// Devices send `device::ro.product.name=X;ro.product.model=Y;ro.product.device=Z;features=a,b`;
/// the AOSP host sends `host::features=…`. Older devices end the list with `;`, and old ones
/// send no features at all (`ADB-PROTOCOL.md` §2, "CNXN banners").
public struct ConnectionBanner: Hashable, Sendable, CustomStringConvertible {
  /// `device`, `host`, `recovery`, `sideload`, `rescue` or `bootloader`.
  public var systemType: String
  /// The serial field; empty in every banner Google's tools send.
  public var serial: String
  /// `key=value` properties other than `features`.
  public var properties: [String: String]
  /// The feature list, in the order the peer sent it.
  public var features: [String]

  /// Creates a banner.
  public init(systemType: String, serial: String = "", properties: [String: String] = [:], features: [String] = []) {
    self.systemType = systemType
    self.serial = serial
    self.properties = properties
    self.features = features
  }

  /// Parses a banner from a CNXN payload; a trailing NUL is ignored.
  /// - Throws: ``ADBWireError/Code/malformedBanner`` when the text is not UTF-8, has no
  ///   system type, or contains control characters.
  public init(parsing payload: ByteBuffer) throws(ADBWireError) {
    var bytes = Array(payload.readableBytesView)
    while bytes.last == 0 { bytes.removeLast() }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ADBWireError(.malformedBanner, "not UTF-8: \(bytes.hexSummary())")
    }
    try self.init(parsing: text)
  }

  /// Parses a banner from its text form.
  /// - Throws: ``ADBWireError/Code/malformedBanner``.
  public init(parsing text: String) throws(ADBWireError) {
    guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
      throw ADBWireError(.malformedBanner, "control character in \(text.debugDescription)")
    }
    let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard let type = parts.first, !type.isEmpty else {
      throw ADBWireError(.malformedBanner, "no system type in \(text.debugDescription)")
    }
    systemType = String(type)
    serial = parts.count > 1 ? String(parts[1]) : ""
    properties = [:]
    features = []
    guard parts.count > 2 else { return }
    for pair in parts[2].split(separator: ";") {
      let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(keyValue[0])
      let value = keyValue.count > 1 ? String(keyValue[1]) : ""
      if key == "features" {
        features = value.split(separator: ",").map(String.init)
      } else if !key.isEmpty {
        properties[key] = value
      }
    }
  }

  /// Whether the peer lists `feature`. A feature is usable only when both banners list it.
  public func supports(_ feature: String) -> Bool { features.contains(feature) }

  /// The text form: `ro.product.name`, `ro.product.model`, `ro.product.device` first (the order
  /// adbd uses), other properties sorted, `features` last.
  public var description: String {
    let leading = ["ro.product.name", "ro.product.model", "ro.product.device"]
    var pairs = leading.compactMap { key in properties[key].map { "\(key)=\($0)" } }
    pairs += properties.keys.filter { !leading.contains($0) }.sorted().map { "\($0)=\(properties[$0]!)" }
    if !features.isEmpty { pairs.append("features=" + features.joined(separator: ",")) }
    return "\(systemType):\(serial):" + pairs.joined(separator: ";")
  }
}

extension ConnectionBanner {
  /// Device properties adbd puts in its banner (`adb.cpp` `get_connection_string`).
  public enum PropertyKey {
    /// `ro.product.name`.
    public static let productName = "ro.product.name"
    /// `ro.product.model`.
    public static let productModel = "ro.product.model"
    /// `ro.product.device`.
    public static let productDevice = "ro.product.device"
  }
}
