import Synchronization

extension PhoneSystem {
  /// Why an activity could not be started.
  public enum StartError: Error, Sendable, Hashable {
    /// No installed activity matches (am: `unable to resolve Intent`).
    case unresolved
    /// The package is installed but has no such activity (am: `Error type 3`).
    case noSuchActivity(ComponentName)
  }

  /// How `am start -W` reports a launch.
  public enum LaunchState: String, Sendable, Hashable {
    /// The app's process had to start.
    case cold = "COLD"
    /// The process was alive, the activity was not in front.
    case warm = "WARM"
    /// The activity was already in front; the intent was delivered to it.
    case hot = "HOT"
  }

  // MARK: - Packages

  /// Installs (or replaces) a package.
  public func install(_ package: InstalledPackage) {
    state.withLock { $0.packages[package.name] = package }
  }

  /// Uninstalls a package; returns false when it was not installed.
  @discardableResult
  public func uninstall(_ name: String) -> Bool {
    let removed = state.withLock { state in
      state.runningPackages.remove(name)
      return state.packages.removeValue(forKey: name) != nil
    }
    if removed && foregroundActivity.package == name { returnToLauncher() }
    return removed
  }

  /// The installed package with that name.
  public func package(named name: String) -> InstalledPackage? {
    state.withLock { $0.packages[name] }
  }

  // MARK: - Activities

  /// Finds the activity a VIEW/MAIN intent goes to, as the package manager would.
  /// - Parameters:
  ///   - uri: the intent's data, if any.
  ///   - package: `-p`/trailing package that restricts resolution.
  /// - Returns: the activity, or nil when nothing resolves.
  public func resolveActivity(uri: String?, package: String?) -> ComponentName? {
    state.withLock { state in
      let candidates =
        package.map { [state.packages[$0]].compactMap { $0 } }
        ?? state.packages.values.sorted { $0.name < $1.name }
      guard let uri else { return candidates.count == 1 ? candidates[0].launchActivity : nil }
      // A specific prefix (https://www.tiktok.com/) beats a general one (https://), as a
      // verified app link beats the browser.
      let matches = candidates.compactMap { app in
        app.viewURLPrefixes.filter { uri.hasPrefix($0) }.map(\.count).max().map { (app, $0) }
      }
      return matches.max { $0.1 < $1.1 }.flatMap { $0.0.launchActivity }
    }
  }

  /// Brings an activity to the front and tells its app how it was started
  /// (``ScreenProvider/activityStarted(_:in:system:)``), so a deep link reaches the app's model.
  /// - Parameters:
  ///   - component: the activity.
  ///   - intent: the intent's action and data (`am start -a … -d URI`).
  /// - Returns: whether the app was cold, warm or already in front.
  /// - Throws: ``StartError/noSuchActivity(_:)`` when the package lacks the activity,
  ///   ``StartError/unresolved`` when the package is not installed.
  @discardableResult
  public func startActivity(
    _ component: ComponentName, intent: ActivityIntent = ActivityIntent()
  ) throws(StartError) -> LaunchState {
    let (launch, provider, context) = try state.withLock { state throws(StartError) in
      guard let app = state.packages[component.package] else { throw .unresolved }
      guard app.activities.contains(component) else { throw .noSuchActivity(component) }
      let launch: LaunchState =
        state.foreground == component ? .hot : (state.runningPackages.contains(component.package) ? .warm : .cold)
      state.runningPackages.insert(component.package)
      state.foreground = component
      return (launch, state.screenProviders[component.package], screenContext(in: state))
    }
    provider?.activityStarted(
      ActivityLaunch(component: component, action: intent.action, data: intent.data, state: launch), in: context,
      system: self)
    return launch
  }

  /// Starts a package's launcher activity, as `monkey -p PKG -c …LAUNCHER 1` does.
  /// - Returns: false when the package has no launcher activity.
  @discardableResult
  public func launch(package name: String) -> Bool {
    guard let activity = package(named: name)?.launchActivity else { return false }
    return (try? startActivity(activity, intent: .main)) != nil
  }

  /// Kills a package (`am force-stop`); the launcher comes back if it was in front.
  public func forceStop(_ name: String) {
    let wasForeground = state.withLock { state in
      state.runningPackages.remove(name)
      return state.foreground.package == name
    }
    if wasForeground { returnToLauncher() }
  }

  /// Resumes the launcher (HOME).
  public func returnToLauncher() {
    state.withLock { state in
      state.runningPackages.insert(Self.launcherActivity.package)
      state.foreground = Self.launcherActivity
    }
  }

  /// Whether a package's process is alive.
  public func isRunning(_ name: String) -> Bool {
    state.withLock { $0.runningPackages.contains(name) }
  }

  // MARK: - Broadcasts

  /// Records a broadcast and delivers it to every receiver (outside the lock).
  /// - Returns: the last handling receiver's result code, or 0.
  @discardableResult
  public func sendBroadcast(_ broadcast: Broadcast) -> BroadcastOutcome {
    let receivers = state.withLock { state in
      state.broadcasts.append(broadcast)
      return state.broadcastReceivers
    }
    var outcome = BroadcastOutcome(resultCode: 0, resultData: nil)
    for receiver in receivers {
      if let code = receiver.receive(broadcast, on: self) { outcome.resultCode = code }
    }
    return outcome
  }
}
