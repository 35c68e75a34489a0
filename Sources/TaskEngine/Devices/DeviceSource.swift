import ADB

/// Where the registry finds devices.
public enum DeviceSource: Hashable, Sendable, CustomStringConvertible {
  /// Every device of an adb server (local or remote), followed with `host:track-devices-l`.
  /// The engine does not start a server: a server that is not running is retried every few seconds.
  case adbServer(ADBServerAddress)
  /// One phone reached natively over TCP (`adb tcpip` phones, emulators, virtual phones),
  /// reconnected whenever the connection drops.
  case direct(host: String, port: Int)
  /// Phones on USB, reached natively through libusb as they are plugged in.
  case usb

  public var description: String {
    switch self {
    case .adbServer(let address): "adb:\(address)"
    case .direct: "direct"
    case .usb: "usb"
    }
  }
}

/// A device as the registry and the API show it.
public struct DeviceStatus: Hashable, Sendable {
  /// The serial tasks name the device by.
  public var serial: String
  /// `online`, `offline`, or the adb server's word for a device it cannot use (`unauthorized`, …).
  public var state: String
  /// The model, when known.
  public var model: String?
  /// Which source found it: `adb:HOST:PORT`, `direct`, `usb`, or what ``DeviceRegistry/register(serial:device:model:source:)`` was given.
  public var source: String
  /// The task running on it now, if any.
  public var runningTaskID: Int?

  /// Creates a status.
  public init(serial: String, state: String, model: String?, source: String, runningTaskID: Int? = nil) {
    self.serial = serial
    self.state = state
    self.model = model
    self.source = source
    self.runningTaskID = runningTaskID
  }

  /// Whether tasks can start on it.
  public var isOnline: Bool { state == DeviceRegistry.onlineState }
}
