extension VirtualPhone {
  /// The identity and test behaviour of a virtual phone.
  public struct Configuration: Sendable, Hashable {
    /// `ro.serialno`; adb shows a TCP device as `host:port`, but `getprop` answers this.
    public var serial: String
    /// `ro.product.model`, as `adb devices -l` shows it (sanitized to alphanumerics and `_`).
    public var model: String
    /// `ro.product.name`.
    public var product: String
    /// `ro.product.device`.
    public var device: String
    /// Further system properties (`getprop`), overriding the defaults.
    public var extraProperties: [String: String]
    /// Physical screen size in pixels (`wm size`).
    public var screenWidth: Int
    /// Physical screen height in pixels.
    public var screenHeight: Int
    /// Screen density in dpi (`wm density`).
    public var density: Int
    /// How `uiautomator dump` behaves: 300 ms per dump and no failures unless set otherwise.
    public var uiautomatorDump: DumpBehaviour
    /// App models installed at boot, each driven by its own ``AppEngine`` (for example
    /// ``AppModel/testApp``).
    public var apps: [AppModel]
    /// The phone's monotonic clock (``PhoneSystem/uptime``): real time unless a test passes a
    /// ``PhoneClock/manual(startingAt:)`` clock it advances itself.
    public var clock: PhoneClock

    /// Creates a configuration; every field has a sensible default.
    public init(
      serial: String = "vphone-0001", model: String = "Virtual Phone", product: String = "vphone",
      device: String = "vphone", extraProperties: [String: String] = [:],
      screenWidth: Int = 1080, screenHeight: Int = 2400, density: Int = 420,
      uiautomatorDump: DumpBehaviour = .realistic, apps: [AppModel] = [], clock: PhoneClock = .system
    ) {
      self.serial = serial
      self.model = model
      self.product = product
      self.device = device
      self.extraProperties = extraProperties
      self.screenWidth = screenWidth
      self.screenHeight = screenHeight
      self.density = density
      self.uiautomatorDump = uiautomatorDump
      self.apps = apps
      self.clock = clock
    }
  }
}
