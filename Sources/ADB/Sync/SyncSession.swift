import ADBWire
import NIOCore

/// Which sync records a device understands, from its feature list (AOSP
/// `client/file_sync_client.cpp` `SyncConnection`: the adb server supports them all, so the
/// device's banner decides).
struct SyncCapabilities: Hashable, Sendable {
  /// `STA2`/`LST2` (feature `stat_v2`).
  var statV2: Bool
  /// `LIS2`/`DNT2` (feature `ls_v2`).
  var listV2: Bool
  /// `SND2`/`RCV2` (feature `sendrecv_v2`).
  var sendReceiveV2: Bool
  /// adbd creates the parents of a pushed file (feature `fixed_push_mkdir`).
  var pushCreatesParents: Bool

  init(features: Set<String>) {
    statV2 = features.contains(ADBFeature.statV2)
    listV2 = features.contains(ADBFeature.listV2)
    sendReceiveV2 = features.contains(ADBFeature.sendReceiveV2)
    pushCreatesParents = features.contains(ADBFeature.fixedPushMkdir)
  }
}

/// One `sync:` stream: requests go out as ``SyncRequest`` records, replies are decoded from
/// ``SyncResponse`` records. The session stays open for any number of requests and ends with
/// `QUIT` (`ADB-PROTOCOL.md` §1 "Sync protocol").
///
/// Used by one task at a time, inside the `withStream` closure that opened it.
final class SyncSession {
  let stream: ADBStream
  let capabilities: SyncCapabilities
  /// Bytes received and not yet decoded.
  var inbound = ByteBuffer()
  /// Bytes encoded and not yet sent: small files are packed together into one write.
  var outbound = ByteBuffer()
  /// Remote paths of pushes whose `OKAY`/`FAIL` has not been read yet, oldest first.
  var pendingAcknowledgements: [String] = []

  init(stream: ADBStream, capabilities: SyncCapabilities) {
    self.stream = stream
    self.capabilities = capabilities
  }

  // MARK: - Stat and list

  /// Describes `path`, or returns the errno of the failure: `STA2` (following links) when the
  /// device has `stat_v2`, else `STAT` (lstat), whose all-zero answer AOSP reads as `ENOENT`.
  func stat(_ path: String) async throws -> Result<RemoteFileInfo, RemoteErrno> {
    // Replies come in order: the OKAYs of earlier pushes first.
    try await readAcknowledgements(leaving: 0)
    if capabilities.statV2 {
      try await send(.stat2(path: path))
      guard case .stat2(_, let stat) = try await response(.stat2) else { throw unexpected("STA2") }
      guard stat.error == 0 else { return .failure(RemoteErrno(stat.error)) }
      return .success(RemoteFileInfo(path: path, mode: stat.mode, size: stat.size, mtime: stat.mtime))
    }
    try await send(.stat(path: path))
    guard case .stat(let stat) = try await response(.stat) else { throw unexpected("STAT") }
    guard stat != SyncStatV1(mode: 0, size: 0, mtime: 0) else { return .failure(RemoteErrno.noSuchFile) }
    return .success(RemoteFileInfo(path: path, mode: stat.mode, size: UInt64(stat.size), mtime: Int64(stat.mtime)))
  }

  /// Like ``stat(_:)`` but a symlink to a directory counts as a directory on v1 devices too:
  /// AOSP's `sync_stat_fallback` retries `STAT` with a trailing `/`, which the kernel resolves.
  func statFollowingLinks(_ path: String) async throws -> Result<RemoteFileInfo, RemoteErrno> {
    let result = try await stat(path)
    guard !capabilities.statV2, case .success(let info) = result, info.isSymlink else { return result }
    guard case .success(let target) = try await stat(path + "/"), target.isDirectory else { return result }
    return .success(RemoteFileInfo(path: path, mode: target.mode, size: target.size, mtime: target.mtime))
  }

  /// The entries of directory `path` without `.` and `..` (`LIS2` with `ls_v2`, else `LIST`).
  /// adbd answers a directory it cannot open with an empty listing.
  func list(_ path: String) async throws -> [RemoteFileInfo] {
    try await readAcknowledgements(leaving: 0)
    let context: SyncResponse.Context = capabilities.listV2 ? .list2 : .list
    try await send(capabilities.listV2 ? .list2(path: path) : .list(path: path))
    var entries: [RemoteFileInfo] = []
    while true {
      let entry: RemoteFileInfo
      switch try await response(context) {
      case .dent(let name, let stat):
        entry = RemoteFileInfo(
          path: RemotePath.join(path, name), mode: stat.mode, size: UInt64(stat.size), mtime: Int64(stat.mtime))
      case .dent2(let name, let stat):
        guard stat.error == 0 else { continue }
        entry = RemoteFileInfo(path: RemotePath.join(path, name), mode: stat.mode, size: stat.size, mtime: stat.mtime)
      case .done: return entries
      case .fail(let message): throw ADBError(.fileTransferFailed, "cannot list \(path): \(message)")
      default: throw unexpected("LIST")
      }
      // readdir's `.` and `..` come first on adbd; callers want the directory's own entries.
      if entry.name != "." && entry.name != ".." { entries.append(entry) }
    }
  }

  /// Reads outstanding acknowledgements and ends the session with `QUIT`.
  func quit() async throws {
    try await readAcknowledgements(leaving: 0)
    try await send(.quit)
  }

  // MARK: - Records

  /// Queues `request` and sends everything queued.
  func send(_ request: SyncRequest) async throws {
    request.write(to: &outbound)
    try await flush()
  }

  /// Sends the queued bytes, if any.
  func flush() async throws {
    guard outbound.readableBytes > 0 else { return }
    let bytes = outbound
    outbound = ByteBuffer()
    try await stream.write(bytes)
  }

  /// The next reply to a request of `context`.
  func response(_ context: SyncResponse.Context) async throws -> SyncResponse {
    while true {
      do {
        if let response = try SyncResponse.read(from: &inbound, context: context) { return response }
      } catch {
        throw ADBError(.protocolError, "invalid sync record from the device", underlying: error)
      }
      try await receiveMore()
    }
  }

  /// Appends the stream's next chunk to ``inbound``.
  /// - Throws: ``ADBError/Code/connectionLost`` when the device closed the stream.
  func receiveMore() async throws {
    guard var chunk = try await stream.readChunk() else {
      throw ADBError(.connectionLost, "the device closed the sync stream")
    }
    if inbound.readableBytes == 0 {
      inbound = chunk
    } else {
      inbound.discardReadBytes()
      inbound.writeBuffer(&chunk)
    }
  }

  func unexpected(_ request: String) -> ADBError {
    ADBError(.protocolError, "unexpected reply to \(request)")
  }
}

/// An errno a device reported for a remote path (Linux numbering, which Android shares).
struct RemoteErrno: Error, Hashable {
  var code: UInt32
  init(_ code: UInt32) { self.code = code }

  /// `ENOENT`: what AOSP assumes for an all-zero v1 `STAT`.
  static let noSuchFile = RemoteErrno(2)

  /// `strerror` words ("No such file or directory").
  var text: String {
    LocalFileSystem.errorText(Int32(bitPattern: code))
  }
}

extension ADBDevice {
  /// Opens a `sync:` stream, runs `body` with it, then sends `QUIT`.
  func withSyncSession<Result>(_ body: (SyncSession) async throws -> Result) async throws -> Result {
    let capabilities = SyncCapabilities(features: try await features())
    return try await withStream("sync:") { stream in
      let session = SyncSession(stream: stream, capabilities: capabilities)
      let result = try await body(session)
      try await session.quit()
      return result
    }
  }
}
