import ADBWire
import NIOCore

extension SyncSession {
  /// Bytes gathered before each stream write: AOSP's client packs several 64 KiB DATA records
  /// into one 1 MiB write (`ADB-PROTOCOL.md` §1, "AOSP speed tricks"), which keeps per-write
  /// costs (a WRTE, a syscall) off the critical path.
  static let writeSize = 1 << 20

  /// Pushes whose acknowledgement may be outstanding: AOSP `file_sync_client.cpp` pipelines
  /// files and reads `OKAY`s lazily, keeping up to 128 pending (`ADB-PROTOCOL.md` §1).
  static let maxPendingAcknowledgements = 128

  /// Size of a DATA record's header: `{u32 "DATA", u32 length}`.
  private static let dataHeaderSize = 8

  /// Queues one local file as `SEND`/`SND2` + `DATA`… + `DONE(mtime)`, writing every 1 MiB.
  /// Its `OKAY` is read later (see ``readAcknowledgements(leaving:)``).
  /// - Parameters:
  ///   - local: the file on this computer.
  ///   - remote: the device path to create or replace.
  ///   - status: the local file's stat; its permission bits and mtime are kept.
  ///   - tracker: receives progress.
  func sendFile(_ local: String, to remote: String, status: LocalStatus, tracker: TransferTracker) async throws {
    let file = try LocalFile.openForReading(local)
    defer { file.close() }
    // adbd takes the mode from the request and the mtime from DONE (`file_sync_service.cpp`
    // `handle_send_file`); AOSP's client sends `st_mode`, so a regular file keeps its bits.
    let mode = status.mode & 0o7777 | FileMode.regularFile
    let request: SyncRequest =
      capabilities.sendReceiveV2 ? .send2(path: remote, mode: mode, flags: []) : .send(path: remote, mode: mode)
    request.write(to: &outbound)
    var sent: UInt64 = 0
    var reported: UInt64 = 0
    while true {
      let count = try appendDataRecord(from: file)
      guard count > 0 else { break }
      sent += UInt64(count)
      if outbound.readableBytes >= Self.writeSize {
        try await flushDuringPush(remote)
        tracker.advance(by: sent - reported, fileDone: sent, fileTotal: status.size, local: local, remote: remote)
        reported = sent
      }
    }
    // DONE carries the mtime as u32 Unix seconds, in v1 and v2 alike (`file_sync_protocol.h`).
    SyncRequest.done(mtime: UInt32(truncatingIfNeeded: status.mtime)).write(to: &outbound)
    pendingAcknowledgements.append(remote)
    tracker.advance(by: sent - reported, fileDone: sent, fileTotal: status.size, local: local, remote: remote)
    tracker.finishFile(size: sent, local: local, remote: remote)
    // Small files stay queued so that several share one write, as AOSP's `SendSmallFile` does.
    if outbound.readableBytes >= Self.writeSize { try await flushDuringPush(remote) }
    try await readAcknowledgements(leaving: Self.maxPendingAcknowledgements)
  }

  /// Reads the `OKAY`/`FAIL` of finished pushes until at most `limit` remain outstanding.
  /// - Throws: ``ADBError/Code/fileTransferFailed`` with adbd's words when a push failed.
  func readAcknowledgements(leaving limit: Int) async throws {
    guard pendingAcknowledgements.count > limit else { return }
    try await flushDuringPush(pendingAcknowledgements.last ?? "")
    while pendingAcknowledgements.count > limit {
      let remote = pendingAcknowledgements.removeFirst()
      switch try await response(.send) {
      case .okay: continue
      case .fail(let message): throw Self.pushFailure(remote, message)
      default: throw unexpected("DONE")
      }
    }
  }

  // MARK: - Writing

  /// Reads up to 64 KiB of `file` straight into a DATA record at the end of ``outbound``.
  /// - Returns: the bytes read; 0 at the end of the file, leaving no record.
  private func appendDataRecord(from file: LocalFile) throws -> Int {
    // `SYNC_DATA_MAX`: adbd rejects a larger DATA record (`file_sync_protocol.h`).
    let maxLength = SyncLimits.maxDataLength
    if outbound.writableBytes < Self.dataHeaderSize + maxLength {
      outbound.reserveCapacity(minimumWritableBytes: Self.writeSize + 2 * (Self.dataHeaderSize + maxLength))
    }
    let headerIndex = outbound.writerIndex
    outbound.writeMultipleIntegers(SyncID.data.rawValue, UInt32(0), endianness: .little)
    let count = try outbound.writeWithUnsafeMutableBytes(minimumWritableBytes: maxLength) { buffer in
      try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(maxLength)))
    }
    if count == 0 {
      outbound.moveWriterIndex(to: headerIndex)
    } else {
      outbound.setInteger(UInt32(count), at: headerIndex + 4, endianness: .little)
    }
    return count
  }

  /// Sends the queued bytes. When the device has closed the stream, which adbd does right after
  /// a FAIL, the FAIL explains the failure better than the broken write.
  private func flushDuringPush(_ remote: String) async throws {
    do {
      try await flush()
    } catch let error as ADBError where error.code == .connectionLost {
      throw await failureExplaining(error, current: remote)
    }
  }

  private func failureExplaining(_ error: ADBError, current: String) async -> ADBError {
    for _ in 0...pendingAcknowledgements.count {
      let remote = pendingAcknowledgements.first ?? current
      guard let response = try? await response(.send) else { return error }
      switch response {
      case .okay where !pendingAcknowledgements.isEmpty: pendingAcknowledgements.removeFirst()
      case .fail(let message): return Self.pushFailure(remote, message)
      default: return error
      }
    }
    return error
  }

  private static func pushFailure(_ remote: String, _ message: String) -> ADBError {
    ADBError(.fileTransferFailed, "cannot push to \(remote): \(message)")
  }
}
