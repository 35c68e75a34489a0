import ADBWire
import NIOCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension SyncSession {
  /// Bytes received between two progress reports of a pull.
  private static let progressInterval: UInt64 = 1 << 20

  /// Pulls one file with `RECV` (or `RCV2` with `sendrecv_v2`), writing each DATA record to
  /// `local` as it arrives, then gives it `info`'s permission bits and mtime. A failed pull
  /// leaves no partial file, as AOSP's `sync_recv` unlinks it.
  /// - Throws: ``ADBError/Code/fileTransferFailed`` with adbd's words ("open failed: No such
  ///   file or directory"), ``ADBError/Code/localFileError`` when `local` cannot be written.
  func receiveFile(_ info: RemoteFileInfo, to local: String, tracker: TransferTracker) async throws {
    try await readAcknowledgements(leaving: 0)
    let remote = info.path
    try await send(capabilities.sendReceiveV2 ? .receive2(path: remote, flags: []) : .receive(path: remote))
    let file = try LocalFile.create(local)
    do {
      let received = try await receiveData(remote, into: file) { done in
        tracker.advance(by: done.count, fileDone: done.total, fileTotal: info.size, local: local, remote: remote)
      }
      // A symlink's own bits (0777) would be wrong for the file it points to.
      try file.setAttributes(mode: info.isRegularFile ? info.mode : 0o644, mtime: info.mtime)
      file.close()
      tracker.finishFile(size: received, local: local, remote: remote)
    } catch {
      file.close()
      unlink(local)
      throw error
    }
  }

  /// Copies DATA records to `file` until DONE; returns the bytes received.
  private func receiveData(
    _ remote: String, into file: LocalFile, progress: (_ done: (count: UInt64, total: UInt64)) -> Void
  ) async throws -> UInt64 {
    var received: UInt64 = 0
    var reported: UInt64 = 0
    while true {
      while inbound.readableBytes < 8 { try await receiveMore() }
      let (id, length) = inbound.getMultipleIntegers(
        at: inbound.readerIndex, endianness: .little, as: (UInt32, UInt32).self)!
      guard id == SyncID.data.rawValue else {
        switch try await response(.receive) {
        case .done:
          progress((received - reported, received))
          return received
        case .fail(let message): throw ADBError(.fileTransferFailed, "cannot pull \(remote): \(message)")
        default: throw unexpected("RECV")
        }
      }
      // `SYNC_DATA_MAX`: no DATA record exceeds 64 KiB (`file_sync_protocol.h`).
      guard Int(length) <= SyncLimits.maxDataLength else {
        throw ADBError(.protocolError, "DATA of \(length) bytes, limit \(SyncLimits.maxDataLength)")
      }
      inbound.moveReaderIndex(forwardBy: 8)
      // Write the payload piece by piece as the stream delivers it: no copy into a record.
      var remaining = Int(length)
      while remaining > 0 {
        if inbound.readableBytes == 0 { try await receiveMore() }
        let count = min(remaining, inbound.readableBytes)
        try inbound.withUnsafeReadableBytes { bytes in
          try file.write(UnsafeRawBufferPointer(rebasing: bytes.prefix(count)))
        }
        inbound.moveReaderIndex(forwardBy: count)
        remaining -= count
      }
      received += UInt64(length)
      if received - reported >= Self.progressInterval {
        progress((received - reported, received))
        reported = received
      }
    }
  }
}
