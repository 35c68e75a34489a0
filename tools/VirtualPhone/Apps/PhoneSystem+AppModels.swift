import Synchronization

extension PhoneSystem {
  /// Installs an app model: its package (with its launcher activity and deep-link prefixes)
  /// and an ``AppEngine`` that draws and drives its windows. Replaces an earlier install.
  /// - Returns: the engine, for tests that read the app's state or show pop-ups.
  @discardableResult
  public func installApp(_ model: AppModel) -> AppEngine {
    let engine = AppEngine(model: model, salt: configuration.serial)
    install(model.installedPackage)
    setScreenProvider(engine, forPackage: model.package)
    return engine
  }

  /// The engine running the app model installed as `package`, if any.
  public func appEngine(forPackage package: String) -> AppEngine? {
    state.withLock { $0.screenProviders[package] } as? AppEngine
  }
}
