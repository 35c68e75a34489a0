/// How a phone's TikTok is set up: its version, the accounts logged in, pop-ups and upload time.
///
/// ```swift
/// let phone = VirtualPhone(configuration: .init(apps: [
///   .tiktok(version: "38.1.0", accounts: ["alice", "bob"], popupChance: 0.3, uploadDuration: .milliseconds(200))
/// ]))
/// ```
public struct TikTokConfiguration: Sendable, Hashable {
  /// `versionName`; resource ids are derived from it, so they change with it.
  public var version: String
  /// Handles of the logged-in accounts, the first in use. Empty: one account named after the
  /// phone (``TikTok/defaultAccount(forSerial:)``: `vphone` → `vphone1`).
  public var accounts: [String]
  /// The probability of a pop-up at each screen change (0…1).
  public var popupChance: Double
  /// Fixes which screen changes get a pop-up (mixed with the phone's serial).
  public var seed: UInt64
  /// How long an upload takes from `Post` to `Posted`.
  public var uploadDuration: Duration

  /// Creates a configuration.
  public init(
    version: String = TikTok.defaultVersion, accounts: [String] = [], popupChance: Double = 0, seed: UInt64 = 1,
    uploadDuration: Duration = .seconds(4)
  ) {
    self.version = version
    self.accounts = accounts
    self.popupChance = popupChance
    self.seed = seed
    self.uploadDuration = uploadDuration
  }
}

extension AppModel {
  /// TikTok's model (``TikTok``), for `VirtualPhone.Configuration(apps: [.tiktok()])`.
  /// - Parameters:
  ///   - version: `versionName`, which the obfuscated resource ids derive from.
  ///   - accounts: the logged-in accounts, the first in use; none: one named after the phone.
  ///   - popupChance: the probability of a pop-up at each screen change.
  ///   - seed: fixes which screen changes get one.
  ///   - uploadDuration: how long an upload takes.
  public static func tiktok(
    version: String = TikTok.defaultVersion, accounts: [String] = [], popupChance: Double = 0, seed: UInt64 = 1,
    uploadDuration: Duration = .seconds(4)
  ) -> AppModel {
    TikTok.model(
      TikTokConfiguration(
        version: version, accounts: accounts, popupChance: popupChance, seed: seed, uploadDuration: uploadDuration))
  }
}
