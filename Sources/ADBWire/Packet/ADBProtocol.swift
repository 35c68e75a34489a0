/// Constants of the device protocol, each with its source in AOSP `packages/modules/adb`.
public enum ADBProtocol {
  /// The original protocol version; every packet carries a payload byte-sum (`adb.h` A_VERSION_MIN).
  public static let versionMin: UInt32 = 0x0100_0000
  /// "Skip checksum" (Dec 2017): senders put 0 in `data_check` (`adb.h` A_VERSION_SKIP_CHECKSUM).
  public static let versionSkipChecksum: UInt32 = 0x0100_0001
  /// The version DroidMatrix speaks.
  public static let currentVersion: UInt32 = versionSkipChecksum

  /// Payload limit of Android 6 and older, and of CNXN/AUTH before the peer's limit is known.
  public static let maxPayloadV1 = 4096
  /// Payload limit of AOSP 2015 (about Android 7).
  public static let maxPayloadLegacy = 256 * 1024
  /// Payload limit of AOSP 2017 on (Android 9+), the value current hosts send (`adb.h` MAX_PAYLOAD).
  public static let maxPayload = 1024 * 1024

  /// Size of the fixed header: six little-endian `UInt32` fields (`protocol.md`).
  public static let headerSize = 24

  /// The TCP port adbd listens on after `adb tcpip` (`adb.h` DEFAULT_ADB_LOCAL_TRANSPORT_PORT).
  public static let defaultDevicePort = 5555
}
