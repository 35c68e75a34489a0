extension ADBDevice {
  /// Copies a device file or directory tree to this computer, as `adb pull -a` does.
  ///
  /// A file or directory pulled onto an existing local directory lands inside it under its own
  /// name; otherwise it becomes `localPath`. Directories are walked with `LIST`/`LIS2`; symlinks
  /// to files are pulled as files, other special files are skipped. Each file is written as its
  /// DATA arrives (never held whole in memory) and gets the remote permission bits and mtime.
  /// All files travel in one sync session, `RCV2` when the device lists `sendrecv_v2` and
  /// `RECV` otherwise.
  ///
  /// ```swift
  /// let summary = try await device.pull("/sdcard/DCIM", to: "/tmp/photos")
  /// print(summary.files, "files,", summary.bytes, "bytes")
  /// ```
  /// - Parameters:
  ///   - remotePath: a file or directory on the device.
  ///   - localPath: the destination on this computer.
  ///   - progress: called about every MiB and at the end of each file.
  /// - Returns: what was moved and how fast.
  /// - Throws: ``ADBError/Code/fileTransferFailed`` with the device's words ("No such file or
  ///   directory"), ``ADBError/Code/localFileError`` when a local file cannot be written, or
  ///   another ``ADBError`` when the device is unreachable.
  public func pull(
    _ remotePath: String, to localPath: String, progress: (@Sendable (TransferProgress) -> Void)? = nil
  ) async throws -> TransferSummary {
    try await withSyncSession { session in
      let source: RemoteFileInfo
      switch try await session.statFollowingLinks(remotePath) {
      case .success(let info): source = info
      case .failure(let error): throw ADBError(.fileTransferFailed, "cannot pull \(remotePath): \(error.text)")
      }
      var destination = localPath
      if LocalFileSystem.statusIfExists(localPath)?.isDirectory == true {
        destination = RemotePath.join(localPath, RemotePath.lastComponent(of: remotePath))
      }
      var files: [(remote: RemoteFileInfo, local: String)] = []
      if source.isDirectory {
        try LocalFileSystem.makeDirectory(destination)
        try await Self.collect(session, directory: remotePath, into: destination, files: &files)
      } else {
        files = [(source, destination)]
      }
      let tracker = TransferTracker(
        fileCount: files.count, overallTotal: files.reduce(0) { $0 + $1.remote.size }, callback: progress)
      for file in files {
        try Task.checkCancellation()
        try await session.receiveFile(file.remote, to: file.local, tracker: tracker)
      }
      return tracker.summary()
    }
  }

  /// Lists `directory` recursively, creating the local directories and gathering the files
  /// (AOSP `file_sync_client.cpp` `remote_build_list`).
  private static func collect(
    _ session: SyncSession, directory: String, into local: String,
    files: inout [(remote: RemoteFileInfo, local: String)]
  ) async throws {
    for entry in try await session.list(directory) {
      let localChild = RemotePath.join(local, entry.name)
      if entry.isDirectory {
        try LocalFileSystem.makeDirectory(localChild)
        try await collect(session, directory: entry.path, into: localChild, files: &files)
      } else if entry.isRegularFile {
        files.append((entry, localChild))
      } else if entry.isSymlink, case .success(let target) = try await session.statFollowingLinks(entry.path),
        !target.isDirectory
      {
        // A symlinked directory is skipped (it may loop). v1 `STAT` is an lstat, so a v1 device
        // still describes the link itself: the file then gets 0644.
        files.append((target, localChild))
      }
    }
  }
}
