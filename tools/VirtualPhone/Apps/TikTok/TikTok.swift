/// TikTok (`com.zhiliaoapp.musically`, English UI) as an app model of the virtual phone,
/// modelled on real dumps: the labels flows use are content descriptions, texts and hints, as
/// on a phone; resource ids are obfuscated (``TikTokIDs``) and change with the version.
///
/// ```swift
/// let phone = VirtualPhone(configuration: .init(apps: [.tiktok(accounts: ["alice", "bob"])]))
/// phone.runShell("am start -a android.intent.action.VIEW -d https://www.tiktok.com/@someone")
/// phone.runShell("vphone state")   // {"accounts":{"alice":{…},"bob":{…}},"current_account":"alice",…}
/// ```
///
/// Screens (route names, as `vphone state` reports them): `feed` (root), `friends`, `video`,
/// `profile`, `follow_list`, `comments`, `search`, `search_results`, `create`, `gallery`,
/// `editor`, `sounds`, `post`, `inbox`, `conversation`, `own_profile`, `account_switcher`,
/// `edit_profile`, `edit_field`, `change_photo`. The world they show is ``TikTokWorld``; what
/// the accounts change is kept in ``TikTokStore``. See `AppModels.md` for every label.
public enum TikTok {
  /// The package name.
  public static let package = "com.zhiliaoapp.musically"
  /// The launcher label.
  public static let label = "TikTok"
  /// The version installed unless configured otherwise.
  public static let defaultVersion = "37.5.4"
  /// The launcher activity.
  public static let launchActivity = "com.ss.android.ugc.aweme.splash.SplashActivity"

  /// Route names.
  enum Screen {
    static let feed = "feed"
    static let friends = "friends"
    static let video = "video"
    static let profile = "profile"
    static let followList = "follow_list"
    static let comments = "comments"
    static let search = "search"
    static let searchResults = "search_results"
    static let create = "create"
    static let gallery = "gallery"
    static let editor = "editor"
    static let sounds = "sounds"
    static let post = "post"
    static let inbox = "inbox"
    static let conversation = "conversation"
    static let ownProfile = "own_profile"
    static let accountSwitcher = "account_switcher"
    static let editProfile = "edit_profile"
    static let editField = "edit_field"
    static let changePhoto = "change_photo"
  }

  /// The deep links TikTok opens.
  public static let deepLinks = [
    AppDeepLink("https://www.tiktok.com/@{user}/video/{id}", screen: Screen.video),
    AppDeepLink("https://www.tiktok.com/@{user}", screen: Screen.profile),
    AppDeepLink("https://tiktok.com/@{user}/video/{id}", screen: Screen.video),
    AppDeepLink("https://tiktok.com/@{user}", screen: Screen.profile),
    AppDeepLink("https://m.tiktok.com/@{user}/video/{id}", screen: Screen.video),
    AppDeepLink("https://m.tiktok.com/@{user}", screen: Screen.profile),
    AppDeepLink("snssdk1233://user/profile/{uid}", screen: Screen.profile),
  ]

  /// The account a phone is logged in to when none is configured: the serial's letters and
  /// digits, lower-cased, with `1` added unless it ends in a digit (`vphone` → `vphone1`,
  /// `vphone-2` → `vphone2`).
  public static func defaultAccount(forSerial serial: String) -> String {
    let name = serial.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
    guard let last = name.last else { return "vphone1" }
    return last.isNumber ? name : name + "1"
  }

  /// The model for a configuration.
  public static func model(_ configuration: TikTokConfiguration = TikTokConfiguration()) -> AppModel {
    let ui = TikTokUI(configuration: configuration)
    var initial = AppState()
    var handles: [String] = []
    for handle in configuration.accounts.map(TikTokWorld.normalized) where !handles.contains(handle) {
      handles.append(handle)
    }
    if !handles.isEmpty { initial.tiktok = TikTokStore(version: configuration.version, accounts: handles) }
    let version = configuration.version
    return AppModel(
      package: package, label: label, versionName: version, versionCode: versionCode(of: version),
      launchActivity: launchActivity, rootScreen: Screen.feed, screens: ui.screens, deepLinks: deepLinks,
      initialState: initial,
      popups: AppPopupPolicy(chance: configuration.popupChance, seed: configuration.seed, catalog: popups),
      onChange: { state in
        if state.store[TikTokStore.self] == nil {
          state.tiktok = TikTokStore(version: version, accounts: [defaultAccount(forSerial: state.environment.serial)])
        }
        rememberProfileOnShow(&state)
        // Another screen pauses the feed's video, and coming back plays it again.
        if state.route?.screen != Screen.feed { state.set(TikTokFeed.paused, false) }
        TikTokWatchTimer.update(&state)
      },
      stateReport: TikTokStateReport.json)
  }

  /// Notes the handle of a profile on show, so its uid resolves later
  /// (`snssdk1233://user/profile/<uid>`).
  static func rememberProfileOnShow(_ state: inout AppState) {
    guard let route = state.route, route.screen == Screen.profile, let handle = route.parameters["user"],
      let user = TikTokWorld.user(handle)
    else { return }
    state.tiktok.seenHandles.insert(user.handle)
  }

  /// `versionCode` from `versionName` (`37.5.4` → 370504).
  static func versionCode(of version: String) -> Int {
    let parts = version.split(separator: ".").prefix(3).map { Int($0) ?? 0 }
    return parts.reduce(0) { $0 * 100 + $1 } * pow100(3 - parts.count)
  }

  private static func pow100(_ exponent: Int) -> Int {
    (0..<max(0, exponent)).reduce(1) { result, _ in result * 100 }
  }
}

extension AppState {
  /// TikTok's store (an empty one-account store before the engine set it up).
  var tiktok: TikTokStore {
    get { store[TikTokStore.self] ?? TikTokStore(version: TikTok.defaultVersion, accounts: ["vphone1"]) }
    set { store[TikTokStore.self] = newValue }
  }
}
