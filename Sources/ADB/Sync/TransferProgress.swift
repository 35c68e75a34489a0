/// Where a push or pull stands, reported after each large write or read and once at the end of
/// every file.
///
/// Reports are monotonic: ``bytesTransferred`` grows until it reaches ``totalBytes`` for each
/// file, and ``overallBytesTransferred`` until it reaches ``overallTotalBytes``.
public struct TransferProgress: Hashable, Sendable {
  /// The file on this computer (the source of a push, the destination of a pull).
  public var localPath: String
  /// The file on the device (the destination of a push, the source of a pull).
  public var remotePath: String
  /// Bytes of this file transferred so far.
  public var bytesTransferred: UInt64
  /// Size of this file.
  public var totalBytes: UInt64
  /// Files finished so far, this one included once it is complete.
  public var filesCompleted: Int
  /// Files in the whole transfer.
  public var fileCount: Int
  /// Bytes of all files transferred so far.
  public var overallBytesTransferred: UInt64
  /// Bytes of all files in the transfer.
  public var overallTotalBytes: UInt64

  /// Creates a progress report.
  /// - Parameters:
  ///   - localPath: the file on this computer.
  ///   - remotePath: the file on the device.
  ///   - bytesTransferred: bytes of this file so far.
  ///   - totalBytes: size of this file.
  ///   - filesCompleted: files finished so far.
  ///   - fileCount: files in the transfer.
  ///   - overallBytesTransferred: bytes of all files so far.
  ///   - overallTotalBytes: bytes of all files.
  public init(
    localPath: String, remotePath: String, bytesTransferred: UInt64, totalBytes: UInt64, filesCompleted: Int,
    fileCount: Int, overallBytesTransferred: UInt64, overallTotalBytes: UInt64
  ) {
    self.localPath = localPath
    self.remotePath = remotePath
    self.bytesTransferred = bytesTransferred
    self.totalBytes = totalBytes
    self.filesCompleted = filesCompleted
    self.fileCount = fileCount
    self.overallBytesTransferred = overallBytesTransferred
    self.overallTotalBytes = overallTotalBytes
  }
}

/// What a finished push or pull moved, and how fast.
public struct TransferSummary: Hashable, Sendable {
  /// Files transferred.
  public var files: Int
  /// Bytes of file data transferred.
  public var bytes: UInt64
  /// Wall-clock duration of the whole transfer.
  public var seconds: Double

  /// Creates a summary.
  /// - Parameters:
  ///   - files: files transferred.
  ///   - bytes: bytes of file data transferred.
  ///   - seconds: duration of the transfer.
  public init(files: Int, bytes: UInt64, seconds: Double) {
    self.files = files
    self.bytes = bytes
    self.seconds = seconds
  }

  /// Throughput in MiB per second, the unit `adb push`/`adb pull` print as "MB/s"
  /// (AOSP `client/file_sync_client.cpp` `TransferLedger`); 0 for an instant transfer.
  public var megabytesPerSecond: Double {
    seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0
  }
}

/// Keeps the running totals of one transfer and forwards reports to the caller's callback.
final class TransferTracker {
  private let callback: (@Sendable (TransferProgress) -> Void)?
  private let fileCount: Int
  private let overallTotal: UInt64
  private let start = ContinuousClock.now
  private var filesCompleted = 0
  private var overallDone: UInt64 = 0

  init(fileCount: Int, overallTotal: UInt64, callback: (@Sendable (TransferProgress) -> Void)?) {
    self.callback = callback
    self.fileCount = fileCount
    self.overallTotal = overallTotal
  }

  /// Records `count` more bytes of the current file, which now has `fileDone` of `fileTotal`.
  func advance(by count: UInt64, fileDone: UInt64, fileTotal: UInt64, local: String, remote: String) {
    overallDone += count
    report(fileDone: fileDone, fileTotal: max(fileTotal, fileDone), local: local, remote: remote)
  }

  /// Records the end of a file of `size` bytes (which may differ from what its stat said).
  func finishFile(size: UInt64, local: String, remote: String) {
    filesCompleted += 1
    report(fileDone: size, fileTotal: size, local: local, remote: remote)
  }

  /// The summary of everything recorded so far.
  func summary() -> TransferSummary {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return TransferSummary(files: filesCompleted, bytes: overallDone, seconds: seconds)
  }

  private func report(fileDone: UInt64, fileTotal: UInt64, local: String, remote: String) {
    callback?(
      TransferProgress(
        localPath: local, remotePath: remote, bytesTransferred: fileDone, totalBytes: fileTotal,
        filesCompleted: filesCompleted, fileCount: fileCount, overallBytesTransferred: overallDone,
        overallTotalBytes: max(overallTotal, overallDone)))
  }
}
