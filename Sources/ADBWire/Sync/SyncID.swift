/// A sync-protocol record id: four ASCII bytes read as a little-endian `UInt32`
/// (AOSP `file_sync_protocol.h`).
public struct SyncID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  private init(_ ascii: StaticString) {
    precondition(ascii.utf8CodeUnitCount == 4)
    let bytes = ascii.utf8Start
    rawValue = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
  }

  /// lstat, v1 reply `{STAT, mode, size, mtime}`.
  public static let stat = SyncID("STAT")
  /// stat following links, v2 reply (feature `stat_v2`).
  public static let stat2 = SyncID("STA2")
  /// lstat, v2 reply (feature `stat_v2`).
  public static let lstat2 = SyncID("LST2")
  /// Directory listing with v1 entries.
  public static let list = SyncID("LIST")
  /// Directory listing with v2 entries (feature `ls_v2`).
  public static let list2 = SyncID("LIS2")
  /// A v1 directory entry.
  public static let dent = SyncID("DENT")
  /// A v2 directory entry.
  public static let dent2 = SyncID("DNT2")
  /// Push, v1: path field is `"<path>,<decimal mode>"`.
  public static let send = SyncID("SEND")
  /// Push, v2 (feature `sendrecv_v2`): a second header carries mode and flags.
  public static let send2 = SyncID("SND2")
  /// Pull, v1.
  public static let receive = SyncID("RECV")
  /// Pull, v2: a second header carries flags.
  public static let receive2 = SyncID("RCV2")
  /// A chunk of file data.
  public static let data = SyncID("DATA")
  /// End of data (with mtime) or end of a listing.
  public static let done = SyncID("DONE")
  /// Success.
  public static let okay = SyncID("OKAY")
  /// Failure, followed by a message.
  public static let fail = SyncID("FAIL")
  /// Ends the sync session.
  public static let quit = SyncID("QUIT")

  public var description: String {
    let bytes = withUnsafeBytes(of: rawValue.littleEndian) { Array($0) }
    if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return String(decoding: bytes, as: UTF8.self) }
    return "0x" + String(rawValue, radix: 16)
  }
}

/// Limits of the sync protocol (AOSP `file_sync_protocol.h`, `file_sync_service.cpp`).
public enum SyncLimits {
  /// Largest DATA chunk (`SYNC_DATA_MAX`, 64 KiB).
  public static let maxDataLength = 64 * 1024
  /// Longest path adbd accepts ("path too long").
  public static let maxPathLength = 1024
  /// Longest FAIL message we accept from a peer.
  public static let maxFailMessageLength = 64 * 1024
}

/// Flags of `SND2`/`RCV2` (AOSP `SyncFlag`).
public struct SyncFlags: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  /// Brotli-compressed DATA.
  public static let brotli = SyncFlags(rawValue: 1)
  /// LZ4-compressed DATA.
  public static let lz4 = SyncFlags(rawValue: 2)
  /// Zstd-compressed DATA.
  public static let zstd = SyncFlags(rawValue: 4)
  /// Dry run: the device discards the data.
  public static let dryRun = SyncFlags(rawValue: 0x8000_0000)
}
