extension ADBDevice {
  /// Describes a path on the device, or returns nil when it does not exist.
  ///
  /// Uses `STA2` (which follows symlinks and reports 64-bit sizes) when the device lists
  /// `stat_v2`; otherwise `STAT` v1, which is an lstat with 32-bit fields and answers a missing
  /// path with all zeros.
  ///
  /// ```swift
  /// let info = try await device.stat("/sdcard/Download")   // info?.isDirectory == true
  /// ```
  /// - Parameter path: an absolute device path.
  /// - Returns: the description, or nil for a missing path (`ENOENT`, `ENOTDIR`).
  /// - Throws: ``ADBError/Code/fileTransferFailed`` for other failures such as `EACCES` (v2 only;
  ///   v1 cannot tell them from a missing path), and ``ADBError`` when the device is unreachable.
  public func stat(_ path: String) async throws -> RemoteFileInfo? {
    try await withSyncSession { session in
      switch try await session.stat(path) {
      case .success(let info): return info
      case .failure(let error) where error == .noSuchFile || error == .notDirectory: return nil
      case .failure(let error): throw ADBError(.fileTransferFailed, "cannot stat \(path): \(error.text)")
      }
    }
  }

  /// The entries of a device directory, without `.` and `..`, in the device's order.
  ///
  /// Uses `LIS2` when the device lists `ls_v2`, else `LIST` (32-bit sizes). Symlinks are
  /// described themselves, not their targets.
  ///
  /// ```swift
  /// for entry in try await device.list("/sdcard") where entry.isRegularFile { print(entry.name) }
  /// ```
  /// - Parameter path: an absolute device path.
  /// - Returns: the entries; empty for a directory adbd cannot open (adbd does not say why).
  /// - Throws: ``ADBError`` when the device is unreachable or answers FAIL.
  public func list(_ path: String) async throws -> [RemoteFileInfo] {
    try await withSyncSession { session in try await session.list(path) }
  }
}

extension RemoteErrno {
  /// `ENOTDIR`: a component of the path is a file.
  static let notDirectory = RemoteErrno(20)
}
