/// An account that tasks can run as: a username bound to the device it is logged in on.
public struct Account: Hashable, Sendable {
  /// The account's id.
  public var id: Int
  /// The username (unique).
  public var username: String
  /// The device the account is logged in on; nil while unbound.
  public var serial: String?
  /// Whether multi-account runs and `usernames` may use it.
  public var enabled: Bool
  /// When it was added (local date-time).
  public var createdAt: String

  /// Creates an account value.
  public init(id: Int, username: String, serial: String?, enabled: Bool, createdAt: String) {
    self.id = id
    self.username = username
    self.serial = serial
    self.enabled = enabled
    self.createdAt = createdAt
  }
}

/// A change to an account: the fields to set, nil for "keep".
public struct AccountUpdate: Hashable, Sendable {
  /// The new bound device; `.some(nil)` unbinds.
  public var serial: String??
  /// Whether the account is enabled.
  public var enabled: Bool?

  /// Creates an update.
  public init(serial: String?? = nil, enabled: Bool? = nil) {
    self.serial = serial
    self.enabled = enabled
  }
}
