import ADBWire

extension DeviceConnection {
  /// How a native connection introduces itself and authenticates.
  public struct Options: Sendable {
    /// Private keys to sign AUTH tokens with, in order; the first one's public key is offered
    /// when none is trusted. ``ADBKeyStore/allKeys(environment:)`` gives adb's set.
    public var keys: [ADBKey]
    /// How long to wait for the phone's CNXN, including the time the user needs to accept
    /// "Allow USB debugging?" for a new key.
    public var authTimeout: Duration
    /// Whether to offer `delayed_ack` (burst mode). It is used only when the phone lists it too.
    public var delayedAck: Bool
    /// The receive window granted to the phone per stream in delayed-ack mode.
    public var receiveWindow: Int
    /// The feature list of the host banner (``DeviceConnection/hostFeatures``); `delayed_ack` is
    /// added or removed according to ``delayedAck``.
    public var features: [String]

    /// Options with `keys`, a 10 s auth timeout and delayed-ack offered.
    public init(
      keys: [ADBKey] = [], authTimeout: Duration = .seconds(10), delayedAck: Bool = true,
      receiveWindow: Int = 2 << 20, features: [String] = DeviceConnection.hostFeatures
    ) {
      self.keys = keys
      self.authTimeout = authTimeout
      self.delayedAck = delayedAck
      self.receiveWindow = receiveWindow
      self.features = features
    }

    /// The features the host banner lists.
    var bannerFeatures: [String] {
      let others = features.filter { $0 != ADBFeature.delayedAck }
      return delayedAck ? others + [ADBFeature.delayedAck] : others
    }
  }

  /// What DroidMatrix's host side implements, as AOSP names it: shell v2, stat/ls v2, send/recv
  /// v2 without compression, and the push fixes. Compression features are left out: they are
  /// used only when both sides list them, so a phone never compresses for us.
  public static let hostFeatures = [
    ADBFeature.shellV2, ADBFeature.cmd, ADBFeature.statV2, ADBFeature.listV2, ADBFeature.fixedPushMkdir,
    "apex", "abb", ADBFeature.fixedPushSymlinkTimestamp, ADBFeature.abbExec, "remount_shell", "track_app",
    ADBFeature.sendReceiveV2, "sendrecv_v2_dry_run_send",
  ]
}
