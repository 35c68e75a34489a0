/// Feature names exchanged in CNXN banners (AOSP `transport.cpp` `kFeature*`).
public enum ADBFeature {
  /// Shell protocol v2: stdout/stderr split and exit status.
  public static let shellV2 = "shell_v2"
  /// `cmd` exists on the device (used by install).
  public static let cmd = "cmd"
  /// Sync `STA2`/`LST2`.
  public static let statV2 = "stat_v2"
  /// Sync `LIS2`/`DNT2`.
  public static let listV2 = "ls_v2"
  /// Push creates missing parent directories.
  public static let fixedPushMkdir = "fixed_push_mkdir"
  /// Sync `SND2`/`RCV2`.
  public static let sendReceiveV2 = "sendrecv_v2"
  /// Burst mode: per-stream receive windows instead of one outstanding WRTE.
  public static let delayedAck = "delayed_ack"
  /// `abb_exec:` service.
  public static let abbExec = "abb_exec"
  /// `fixed_push_symlink_timestamp`.
  public static let fixedPushSymlinkTimestamp = "fixed_push_symlink_timestamp"
}
