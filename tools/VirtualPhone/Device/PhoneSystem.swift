import Synchronization

/// Everything about a phone that is not files: system properties, settings, screen size,
/// installed apps and the resumed activity, input methods, and logs of input events and
/// broadcasts that tests read back.
///
/// The shell commands (`getprop`, `settings`, `wm`, `input`, `am`, `pm`, `ime`, `dumpsys`,
/// `uiautomator`, `screencap`) are thin front ends over this type. App models plug in as
/// ``ScreenProvider``s and ``BroadcastReceiver``s; ``AppModel``s (apps defined as data, such as
/// ``TestApp``) are installed with ``installApp(_:)`` and run by an ``AppEngine``.
///
/// ```swift
/// let system = PhoneSystem(configuration: .init(model: "Pixel 7"))
/// try system.startActivity(ComponentName(package: "com.android.settings", className: ".Settings"))
/// system.foregroundActivity.package   // "com.android.settings"
/// ```
public final class PhoneSystem: Sendable {
  /// The identity the phone was created with.
  public let configuration: VirtualPhone.Configuration
  /// The photos and videos gallery pickers see (filled by media-scan broadcasts).
  public let mediaStore = MediaStore()
  let state: Mutex<State>

  /// The mutable part, kept under one lock.
  struct State: Sendable {
    var properties: [String: String]
    var settings: [SettingsNamespace: [String: String]]
    var sizeOverride: ScreenSize?
    var densityOverride: Int?
    var inputEvents: [InputEvent] = []
    var packages: [String: InstalledPackage]
    var foreground: ComponentName
    /// Packages with a live process, so `am start -W` can tell COLD from WARM launches.
    var runningPackages: Set<String>
    var broadcasts: [Broadcast] = []
    var screenProviders: [String: any ScreenProvider] = [:]
    var broadcastReceivers: [any BroadcastReceiver] = []
    var dumpBehaviour: VirtualPhone.DumpBehaviour
    /// Decides which dumps fail; restarted by ``PhoneSystem/setDumpBehaviour(_:)``.
    var dumpRandom: SeededRandom
  }

  /// Creates a phone's system state in its factory condition: Android 13 properties with the
  /// configuration's identity and extra properties on top, stock apps plus the configuration's
  /// app models, the launcher in front.
  public init(configuration: VirtualPhone.Configuration) {
    self.configuration = configuration
    var properties = Self.defaultProperties(for: configuration)
    properties.merge(configuration.extraProperties) { _, extra in extra }
    let packages = Dictionary(uniqueKeysWithValues: Self.stockPackages.map { ($0.name, $0) })
    state = Mutex(
      State(
        properties: properties, settings: Self.defaultSettings, packages: packages,
        foreground: Self.launcherActivity, runningPackages: [Self.launcherActivity.package, "com.android.systemui"],
        dumpBehaviour: configuration.uiautomatorDump,
        dumpRandom: SeededRandom(seed: configuration.uiautomatorDump.seed, salt: configuration.serial)
      ))
    setScreenProvider(LauncherScreen(), forPackage: Self.launcherActivity.package)
    for app in configuration.apps { installApp(app) }
  }

  // MARK: - Reading state (for tests and commands)

  /// Every input event received so far, oldest first.
  public var inputEvents: [InputEvent] { state.withLock { $0.inputEvents } }

  /// Every broadcast sent so far, oldest first.
  public var broadcasts: [Broadcast] { state.withLock { $0.broadcasts } }

  /// Time since boot on the phone's clock (SystemClock.elapsedRealtime), from
  /// ``VirtualPhone/Configuration/clock``: what apps time things with.
  public var uptime: Duration { configuration.clock.now }

  /// The resumed activity (the launcher after boot).
  public var foregroundActivity: ComponentName { state.withLock { $0.foreground } }

  /// Installed packages by name.
  public var installedPackages: [String: InstalledPackage] { state.withLock { $0.packages } }

  /// All system properties.
  public var properties: [String: String] { state.withLock { $0.properties } }

  /// Forgets recorded input events and broadcasts, so a test can look at one step.
  public func clearLogs() {
    state.withLock {
      $0.inputEvents.removeAll()
      $0.broadcasts.removeAll()
    }
  }

  // MARK: - Hooks

  /// Makes `provider` draw and drive the windows of `package` (replacing any earlier one).
  public func setScreenProvider(_ provider: any ScreenProvider, forPackage package: String) {
    state.withLock { $0.screenProviders[package] = provider }
  }

  /// Adds a receiver that sees every later `am broadcast`.
  public func addBroadcastReceiver(_ receiver: any BroadcastReceiver) {
    state.withLock { $0.broadcastReceivers.append(receiver) }
  }
}

/// A width and height in pixels.
public struct ScreenSize: Sendable, Hashable, CustomStringConvertible {
  /// Width in pixels.
  public var width: Int
  /// Height in pixels.
  public var height: Int

  /// Creates a size.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// `WxH`, as `wm size` prints it.
  public var description: String { "\(width)x\(height)" }
}

/// The three tables of `android.provider.Settings`.
public enum SettingsNamespace: String, Sendable, Hashable, CaseIterable {
  /// `Settings.System`.
  case system
  /// `Settings.Secure`.
  case secure
  /// `Settings.Global`.
  case global
}
