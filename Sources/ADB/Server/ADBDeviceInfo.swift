/// One line of `adb devices -l`: a device the server knows and its state.
public struct ADBDeviceInfo: Hashable, Sendable {
  /// The serial (`127.0.0.1:5555` for a TCP device).
  public var serial: String
  /// `device`, `offline`, `unauthorized`, `no permissions (…)`, … (may contain spaces).
  public var state: String
  /// `usb:1-1.2` for a USB device, when the server knows it.
  public var devicePath: String?
  /// `product:` (ro.product.name).
  public var product: String?
  /// `model:` (ro.product.model, sanitized by the server to alphanumerics and `_`).
  public var model: String?
  /// `device:` (ro.product.device).
  public var device: String?
  /// `transport_id:`.
  public var transportID: Int?

  /// Creates a record.
  public init(
    serial: String, state: String, devicePath: String? = nil, product: String? = nil, model: String? = nil,
    device: String? = nil, transportID: Int? = nil
  ) {
    self.serial = serial
    self.state = state
    self.devicePath = devicePath
    self.product = product
    self.model = model
    self.device = device
    self.transportID = transportID
  }

  /// Whether commands can run (state `device`).
  public var isOnline: Bool { state == "device" }

  /// Parses the payload of `host:devices` (`serial\tstate`) or `host:devices-l`
  /// (`serial state [usb:…] product:… model:… device:… transport_id:N`). The state may contain
  /// spaces ("no permissions (…); see [URL]"), so it is what remains once the trailing
  /// `key:value` fields are taken off.
  public static func parseList(_ text: String) -> [ADBDeviceInfo] {
    text.split(whereSeparator: \.isNewline).compactMap { parseLine(String($0)) }
  }

  static let fieldKeys: Set<Substring> = ["usb", "product", "model", "device", "transport_id"]

  static func parseLine(_ line: String) -> ADBDeviceInfo? {
    guard let separator = line.firstIndex(where: { $0 == "\t" || $0 == " " }) else { return nil }
    let serial = String(line[..<separator])
    var words = line[separator...].split(separator: " ", omittingEmptySubsequences: true)
    var fields: [Substring: String] = [:]
    while let last = words.last, let colon = last.firstIndex(of: ":"), fieldKeys.contains(last[..<colon]),
      words.count > 1
    {
      let key = last[..<colon]
      fields[key] = key == "usb" ? String(last) : String(last[last.index(after: colon)...])
      words.removeLast()
    }
    let state = words.joined(separator: " ").trimmingCharacters(in: ["\t", " "])
    guard !serial.isEmpty, !state.isEmpty else { return nil }
    return ADBDeviceInfo(
      serial: serial, state: state, devicePath: fields["usb"], product: fields["product"], model: fields["model"],
      device: fields["device"], transportID: fields["transport_id"].flatMap { Int($0) })
  }
}

extension String {
  func trimmingCharacters(in characters: Set<Character>) -> String {
    var text = Substring(self)
    while let first = text.first, characters.contains(first) { text.removeFirst() }
    while let last = text.last, characters.contains(last) { text.removeLast() }
    return String(text)
  }
}
