/// An app installed on the phone, as `pm` and the launcher see it.
public struct InstalledPackage: Sendable, Hashable {
  /// The package name.
  public var name: String
  /// The launcher label ("Chrome").
  public var label: String
  /// `versionName`.
  public var versionName: String
  /// `versionCode`.
  public var versionCode: Int
  /// Whether it is a system app (`pm list packages -3` leaves these out).
  public var isSystem: Bool
  /// The activity the launcher starts, if the app has a launcher icon.
  public var launchActivity: ComponentName?
  /// Every activity `am start -n` may name (the launch activity included).
  public var activities: [ComponentName]
  /// URL prefixes whose VIEW intents this app resolves (`https://www.tiktok.com/`, `snssdk1233://`).
  public var viewURLPrefixes: [String]
  /// Input-method services this package provides (`com.android.adbkeyboard/.AdbIME`).
  public var inputMethods: [ComponentName]

  /// Creates a package; `launchActivity` is added to `activities` automatically.
  public init(
    name: String, label: String, versionName: String = "1.0", versionCode: Int = 1, isSystem: Bool,
    launchActivity: String?, otherActivities: [String] = [], viewURLPrefixes: [String] = [],
    inputMethods: [String] = []
  ) {
    self.name = name
    self.label = label
    self.versionName = versionName
    self.versionCode = versionCode
    self.isSystem = isSystem
    self.launchActivity = launchActivity.map { ComponentName(package: name, className: $0) }
    self.activities =
      (launchActivity.map { [$0] } ?? []).map { ComponentName(package: name, className: $0) }
      + otherActivities.map { ComponentName(package: name, className: $0) }
    self.viewURLPrefixes = viewURLPrefixes
    self.inputMethods = inputMethods.map { ComponentName(package: name, className: $0) }
  }

  /// Where `pm path` says the APK lives.
  public var apkPath: String {
    isSystem
      ? "/system/app/\(label.filter { !$0.isWhitespace })/\(label.filter { !$0.isWhitespace }).apk"
      : "/data/app/~~vphone==/\(name)-1==/base.apk"
  }
}
