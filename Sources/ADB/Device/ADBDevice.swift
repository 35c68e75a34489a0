/// A device DroidMatrix can talk to, whatever the path: through an adb server, or natively over
/// TCP or USB. Everything else (shell, sync, screencap, …) is written once on top of
/// ``withStream(_:_:)``.
public protocol ADBDevice: Sendable {
  /// The device's serial as its path names it.
  var serial: String { get }

  /// The device's feature list (its CNXN banner's `features=`), e.g. `shell_v2`, `stat_v2`.
  func features() async throws -> Set<String>

  /// Opens a stream to `service` (`shell,v2,raw:ls`, `sync:`, `exec:screencap -p`, …), runs
  /// `body` with it, and closes it.
  /// - Throws: ``ADBError`` when the device or the service cannot be reached, and whatever
  ///   `body` throws.
  func withStream<Result>(_ service: String, _ body: (ADBStream) async throws -> Result) async throws -> Result
}
