/// A broadcast intent sent with `am broadcast`, as recorded by ``PhoneSystem``.
public struct Broadcast: Sendable, Hashable {
  /// A typed intent extra (`--es`, `--ei`, `--el`, `--ez`, `--ef`, `--eia`, `--esa`).
  public enum Extra: Sendable, Hashable {
    /// `--es KEY VALUE`.
    case string(String)
    /// `--ei KEY N`.
    case int(Int32)
    /// `--el KEY N`.
    case long(Int64)
    /// `--ez KEY true|false`.
    case bool(Bool)
    /// `--ef KEY X`.
    case float(Float)
    /// `--eia KEY 1,2,3`.
    case intArray([Int32])
    /// `--esa KEY a,b`.
    case stringArray([String])
  }

  /// `-a ACTION`.
  public var action: String?
  /// `-d URI`: the intent's data (the file a media scan is for).
  public var data: String?
  /// Extras by key.
  public var extras: [String: Extra]
  /// `-p PACKAGE`, when the broadcast is limited to one app.
  public var package: String?
  /// `-n COMPONENT`, when sent to one receiver.
  public var component: ComponentName?

  /// Creates a broadcast.
  public init(
    action: String?, data: String? = nil, extras: [String: Extra] = [:], package: String? = nil,
    component: ComponentName? = nil
  ) {
    self.action = action
    self.data = data
    self.extras = extras
    self.package = package
    self.component = component
  }

  /// A string extra's value.
  public func string(_ key: String) -> String? {
    if case .string(let value) = extras[key] { return value }
    return nil
  }

  /// An int extra's value.
  public func int(_ key: String) -> Int32? {
    if case .int(let value) = extras[key] { return value }
    return nil
  }
}

/// Something on the phone that reacts to broadcasts (for example an IME's receiver).
public protocol BroadcastReceiver: Sendable {
  /// Handles a broadcast.
  /// - Parameters:
  ///   - broadcast: what was sent.
  ///   - system: the phone, to read or change (the receiver runs outside its lock).
  /// - Returns: the result code to report (`Broadcast completed: result=N`), or nil when
  ///   this receiver ignored the broadcast.
  func receive(_ broadcast: Broadcast, on system: PhoneSystem) -> Int32?
}

/// The result of delivering a broadcast.
public struct BroadcastOutcome: Sendable, Hashable {
  /// The last receiver's result code; 0 when nobody handled it, as with no receivers.
  public var resultCode: Int32
  /// Result data a receiver set (`data="…"` in am's output), if any.
  public var resultData: String?
}
