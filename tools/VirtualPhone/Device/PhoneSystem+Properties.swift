import Synchronization

extension PhoneSystem {
  // MARK: - System properties

  /// A system property's value, or nil when unset.
  public func property(_ key: String) -> String? {
    state.withLock { $0.properties[key] }
  }

  /// Sets a system property as `setprop` does.
  /// - Returns: false when init refuses: `ro.*` properties can be set only once.
  @discardableResult
  public func setProperty(_ key: String, to value: String) -> Bool {
    state.withLock { state in
      if key.hasPrefix("ro."), state.properties[key] != nil { return false }
      state.properties[key] = value
      return true
    }
  }

  // MARK: - Settings

  /// A setting's value, or nil (`settings get` prints `null`).
  public func setting(_ namespace: SettingsNamespace, _ key: String) -> String? {
    state.withLock { $0.settings[namespace]?[key] }
  }

  /// Sets (or with nil deletes) a setting.
  public func setSetting(_ namespace: SettingsNamespace, _ key: String, to value: String?) {
    state.withLock { $0.settings[namespace, default: [:]][key] = value }
  }

  /// All settings of a namespace.
  public func settings(_ namespace: SettingsNamespace) -> [String: String] {
    state.withLock { $0.settings[namespace] ?? [:] }
  }

  // MARK: - Display

  /// The panel's physical size.
  public var physicalScreenSize: ScreenSize {
    ScreenSize(width: configuration.screenWidth, height: configuration.screenHeight)
  }

  /// The `wm size` override, if any.
  public var screenSizeOverride: ScreenSize? { state.withLock { $0.sizeOverride } }

  /// The size apps see: the override if set, else the physical size.
  public var screenSize: ScreenSize { screenSizeOverride ?? physicalScreenSize }

  /// Sets or (with nil) clears the `wm size` override.
  public func setScreenSizeOverride(_ size: ScreenSize?) {
    state.withLock { $0.sizeOverride = size == physicalScreenSize ? nil : size }
  }

  /// The `wm density` override, if any.
  public var densityOverride: Int? { state.withLock { $0.densityOverride } }

  /// The density apps see, in dpi.
  public var density: Int { densityOverride ?? configuration.density }

  /// Sets or (with nil) clears the `wm density` override.
  public func setDensityOverride(_ density: Int?) {
    state.withLock { $0.densityOverride = density == configuration.density ? nil : density }
  }
}
