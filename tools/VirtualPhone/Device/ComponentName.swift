/// An activity: its package and fully qualified class, as `am start -n` names it.
public struct ComponentName: Sendable, Hashable, CustomStringConvertible {
  /// The app package, for example `com.android.settings`.
  public var package: String
  /// The fully qualified activity class, for example `com.android.settings.Settings`.
  public var className: String

  /// Creates a component; a class starting with `.` is relative to the package.
  public init(package: String, className: String) {
    self.package = package
    self.className = className.hasPrefix(".") ? package + className : className
  }

  /// Parses `pkg/cls` or `pkg/.cls` (ComponentName.unflattenFromString); nil without a slash.
  public init?(parsing flattened: String) {
    guard let slash = flattened.firstIndex(of: "/") else { return nil }
    let package = String(flattened[..<slash])
    let className = String(flattened[flattened.index(after: slash)...])
    guard !package.isEmpty, !className.isEmpty else { return nil }
    self.init(package: package, className: className)
  }

  /// `pkg/.Cls` when the class is inside the package, else `pkg/full.Cls` (flattenToShortString).
  public var shortString: String {
    className.hasPrefix(package + ".")
      ? "\(package)/\(className.dropFirst(package.count))" : "\(package)/\(className)"
  }

  /// `pkg/full.Cls` (flattenToString).
  public var description: String { "\(package)/\(className)" }
}
