extension ADBDevice {
  /// Copies a local file or directory tree to the device, as `adb push` does.
  ///
  /// A file pushed onto an existing remote directory lands inside it under its own name; a
  /// directory pushed onto an existing remote directory becomes a subdirectory of it, and
  /// otherwise becomes `remotePath` itself. Missing parents are created (by adbd when it lists
  /// `fixed_push_mkdir`, else with `mkdir -p` first), and so are empty local directories.
  /// Each file keeps its permission bits and modification time. All files travel in one sync
  /// session, `SND2` when the device lists `sendrecv_v2` and `SEND` otherwise, as 64 KiB DATA
  /// records packed into 1 MiB writes.
  ///
  /// ```swift
  /// let summary = try await device.push("build/app.apk", to: "/data/local/tmp/") { progress in
  ///   print(progress.overallBytesTransferred, "of", progress.overallTotalBytes)
  /// }
  /// print(String(format: "%.1f MB/s", summary.megabytesPerSecond))
  /// ```
  /// - Parameters:
  ///   - localPath: a file or directory on this computer (symlinks are followed).
  ///   - remotePath: the destination on the device.
  ///   - progress: called after each write and at the end of each file.
  /// - Returns: what was moved and how fast.
  /// - Throws: ``ADBError/Code/localFileError`` ("cannot read /x: No such file or directory"),
  ///   ``ADBError/Code/fileTransferFailed`` with adbd's words ("couldn't create file: Read-only
  ///   file system"), or another ``ADBError`` when the device is unreachable.
  public func push(
    _ localPath: String, to remotePath: String, progress: (@Sendable (TransferProgress) -> Void)? = nil
  ) async throws -> TransferSummary {
    let source = try LocalFileSystem.status(localPath)
    return try await withSyncSession { session in
      var destination = remotePath
      if case .success(let target) = try await session.statFollowingLinks(remotePath), target.isDirectory {
        destination = RemotePath.join(remotePath, RemotePath.lastComponent(of: localPath))
      }
      var plan = PushPlan()
      if source.isDirectory {
        try plan.addDirectory(localPath, as: destination)
      } else {
        plan.files.append(PushPlan.File(local: localPath, remote: destination, status: source))
      }
      var directories = plan.emptyDirectories
      if !session.capabilities.pushCreatesParents {
        // Without `fixed_push_mkdir`, adbd fails on a missing parent; AOSP's client runs mkdir.
        directories += plan.files.map { RemotePath.parent(of: $0.remote) }
      }
      try await makeRemoteDirectories(directories)
      let tracker = TransferTracker(
        fileCount: plan.files.count, overallTotal: plan.files.reduce(0) { $0 + $1.status.size }, callback: progress)
      for file in plan.files {
        try Task.checkCancellation()
        try await session.sendFile(file.local, to: file.remote, status: file.status, tracker: tracker)
      }
      try await session.readAcknowledgements(leaving: 0)
      return tracker.summary()
    }
  }

  /// Runs one `mkdir -p` for all `directories` (AOSP `copy_local_dir_remote` does the same for
  /// empty directories, which the sync protocol cannot create).
  private func makeRemoteDirectories(_ directories: [String]) async throws {
    var seen = Set<String>()
    let unique = directories.filter { $0 != "/" && seen.insert($0).inserted }
    guard !unique.isEmpty else { return }
    let output = try await shell("mkdir -p " + unique.map(Self.shellQuoted).joined(separator: " "))
    guard output.exitStatus ?? 0 == 0 else {
      let words = (output.standardError + output.standardOutput).trimmingSuffixNewlines
      throw ADBError(.fileTransferFailed, "cannot create remote directories: \(words)")
    }
  }

  /// `text` in single quotes for `sh`, with embedded quotes as `'\''`.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }
}

/// The files and empty directories of a push, in the order they are sent.
struct PushPlan {
  /// One file to send.
  struct File {
    var local: String
    var remote: String
    var status: LocalStatus
  }

  var files: [File] = []
  /// Remote directories that receive no file and must be made explicitly.
  var emptyDirectories: [String] = []

  /// Adds the tree under `local` (sorted by name, symlinks followed) to be mirrored at `remote`.
  mutating func addDirectory(_ local: String, as remote: String) throws(ADBError) {
    var isEmpty = true
    for name in try LocalFileSystem.entries(of: local) {
      let localChild = RemotePath.join(local, name)
      let remoteChild = RemotePath.join(remote, name)
      // A dangling symlink or a vanished entry is skipped, as `adb push` skips what it cannot stat.
      guard let status = LocalFileSystem.statusIfExists(localChild) else { continue }
      if status.isDirectory {
        try addDirectory(localChild, as: remoteChild)
        isEmpty = false
      } else if status.isRegularFile {
        files.append(File(local: localChild, remote: remoteChild, status: status))
        isEmpty = false
      }
    }
    if isEmpty { emptyDirectories.append(remote) }
  }
}
