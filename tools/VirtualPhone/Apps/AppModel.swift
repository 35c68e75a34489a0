/// An app defined as data: its package, its screens (functions from state to views) and the
/// state machine between them (the actions its views run, and the deep links it opens).
/// Install it on a phone with ``VirtualPhone/Configuration/apps`` or
/// ``PhoneSystem/installApp(_:)``; an ``AppEngine`` then runs it: it draws the current screen
/// for `uiautomator dump` and `screencap`, and routes taps, swipes, keys, text, deep links and
/// pop-ups through the model.
///
/// ```swift
/// let notes = AppModel(
///   package: "com.example.notes", label: "Notes", rootScreen: "list",
///   screens: [
///     AppScreen("list") { screen in
///       var column = screen.layout.column()
///       return [
///         screen.toolbar(title: "Notes", frame: column.next(height: screen.layout.dp(56)), showsUp: false),
///         screen.button("New note", id: "new", frame: column.next(height: screen.layout.dp(56)), action: .open("edit")),
///       ]
///     },
///     AppScreen("edit") { screen in … },
///   ],
///   deepLinks: [AppDeepLink("notes://note/{id}", screen: "edit")])
/// ```
///
/// ``TestApp`` is a complete example that uses every feature of the engine.
public struct AppModel: Sendable {
  /// The package name.
  public var package: String
  /// The launcher label.
  public var label: String
  /// `versionName`, as `dumpsys package` reports it.
  public var versionName: String
  /// `versionCode`.
  public var versionCode: Int
  /// The launcher activity (`.MainActivity`); monkey and the launcher start it.
  public var launchActivity: String
  /// The screen a fresh start shows.
  public var rootScreen: String
  /// Every screen, by id.
  public var screens: [String: AppScreen]
  /// The deep links the app opens, tried in order.
  public var deepLinks: [AppDeepLink]
  /// The state a fresh start begins with (its stack is replaced by the root screen).
  public var initialState: AppState
  /// When the app shows pop-ups by itself.
  public var popups: AppPopupPolicy
  /// Runs after every step (a launch, an input event) and when the engine starts or resets,
  /// under the engine's lock, with a fresh ``AppState/environment``: keeps the app's own
  /// bookkeeping right (TikTok fills its store on first start and times the video on show).
  /// It must not call the phone.
  public var onChange: (@Sendable (inout AppState) -> Void)?
  /// The app's state as text for `vphone state` (TikTok prints JSON), if the app offers one.
  public var stateReport: (@Sendable (AppState) -> String)?

  /// Creates a model.
  public init(
    package: String, label: String, versionName: String = "1.0", versionCode: Int = 1,
    launchActivity: String = ".MainActivity", rootScreen: String, screens: [AppScreen],
    deepLinks: [AppDeepLink] = [], initialState: AppState = AppState(), popups: AppPopupPolicy = .none,
    onChange: (@Sendable (inout AppState) -> Void)? = nil, stateReport: (@Sendable (AppState) -> String)? = nil
  ) {
    self.package = package
    self.label = label
    self.versionName = versionName
    self.versionCode = versionCode
    self.launchActivity = launchActivity
    self.rootScreen = rootScreen
    self.screens = Dictionary(screens.map { ($0.id, $0) }) { _, later in later }
    self.deepLinks = deepLinks
    self.initialState = initialState
    self.popups = popups
    self.onChange = onChange
    self.stateReport = stateReport
  }

  /// How `pm` and the launcher see the app: a user app with a launcher activity that resolves
  /// VIEW intents for its deep links.
  public var installedPackage: InstalledPackage {
    var prefixes: [String] = []
    for link in deepLinks where !prefixes.contains(link.prefix) { prefixes.append(link.prefix) }
    return InstalledPackage(
      name: package, label: label, versionName: versionName, versionCode: versionCode, isSystem: false,
      launchActivity: launchActivity, viewURLPrefixes: prefixes)
  }

  /// The route a deep link opens, if the app handles it.
  public func route(forDeepLink url: String) -> AppRoute? {
    for link in deepLinks {
      if let parameters = link.match(url) { return AppRoute(screen: link.screen, parameters: parameters) }
    }
    return nil
  }
}

/// Models compare by identity (package, version and label), not by their screens' code, so a
/// ``VirtualPhone/Configuration`` holding models stays `Hashable`: two models of the same
/// package and version are taken to be the same app.
extension AppModel: Hashable {
  public static func == (lhs: AppModel, rhs: AppModel) -> Bool {
    lhs.package == rhs.package && lhs.versionName == rhs.versionName && lhs.versionCode == rhs.versionCode
      && lhs.label == rhs.label
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(package)
    hasher.combine(versionName)
    hasher.combine(versionCode)
  }
}
