import ADBWire
import NIOCore

/// `sync:`: the file-transfer service (AOSP `daemon/file_sync_service.cpp`), v1 and v2 records
/// without compression.
///
/// Requests are decoded as they arrive; a push collects DATA until DONE and then writes the
/// file (creating parent directories: the phone advertises `fixed_push_mkdir`); a pull streams
/// DATA records in WRTE-sized batches as flow control drains them. Requests that arrive during a
/// pull wait until it ends. The first error answers FAIL and ends the session, as adbd does.
final class SyncService: PhoneService {
  /// A push in progress.
  private struct Push {
    var path: String
    var mode: UInt32
    var dryRun: Bool
    var contents: [UInt8] = []
  }

  /// A pull in progress.
  private struct Pull {
    var contents: [UInt8]
    var offset = 0
  }

  private let phone: VirtualPhone
  private let output: any ServiceOutput
  private var inbound = ByteBuffer()
  private var push: Push?
  private var pull: Pull?
  private var isClosed = false

  init(phone: VirtualPhone, output: any ServiceOutput) {
    self.phone = phone
    self.output = output
  }

  func start() {}

  func received(_ bytes: ByteBuffer) {
    guard !isClosed else { return }
    inbound.writeImmutableBuffer(bytes)
    processRequests()
  }

  func outputDrained() {
    guard !isClosed, pull != nil else { return }
    continuePull()
    if pull == nil { processRequests() }
  }

  func closedByHost() { isClosed = true }

  private func processRequests() {
    do {
      while !isClosed, pull == nil, let request = try SyncRequest.read(from: &inbound) {
        try handle(request)
      }
      if inbound.readableBytes == 0 { inbound.clear() } else { inbound.discardReadBytes() }
    } catch let error as SyncFailure {
      fail(error.message)
    } catch {
      fail("\(error)")
    }
  }

  private func handle(_ request: SyncRequest) throws {
    switch request {
    case .stat(let path): reply(.stat(statV1(path)), context: .stat)
    case .stat2(let path): reply(.stat2(id: .stat2, statV2(path, followLinks: true)), context: .stat2)
    case .lstat2(let path): reply(.stat2(id: .lstat2, statV2(path, followLinks: false)), context: .stat2)
    case .list(let path): list(path, v2: false)
    case .list2(let path): list(path, v2: true)
    case .send(let path, let mode): try beginPush(path: path, mode: mode, flags: [])
    case .send2(let path, let mode, let flags): try beginPush(path: path, mode: mode, flags: flags)
    case .data(let bytes):
      guard push != nil else { throw SyncFailure("DATA without SEND") }
      if !push!.dryRun { push!.contents.append(contentsOf: bytes.readableBytesView) }
      if push!.contents.count > Self.maxFileSize { throw SyncFailure("file too large for the virtual phone") }
    case .done(let mtime): try finishPush(mtime: mtime)
    case .receive(let path): try beginPull(path: path, flags: [])
    case .receive2(let path, let flags): try beginPull(path: path, flags: flags)
    case .quit:
      isClosed = true
      output.finish()
    }
  }

  /// Largest file a push may create: the phone keeps files in memory.
  static let maxFileSize = 4 << 30

  // MARK: - Stat and list

  private func statV1(_ path: String) -> SyncStatV1 {
    // STAT is lstat; a failure is all zeros, the reason is lost (v1's known weakness).
    guard let metadata = try? phone.fileSystem.lstat(path) else { return SyncStatV1(mode: 0, size: 0, mtime: 0) }
    return SyncStatV1(metadata)
  }

  private func statV2(_ path: String, followLinks: Bool) -> SyncStatV2 {
    do throws(FileSystemError) {
      let metadata = try followLinks ? phone.fileSystem.stat(path) : phone.fileSystem.lstat(path)
      return SyncStatV2(metadata)
    } catch {
      return .failure(errno: UInt32(error.errno))
    }
  }

  private func list(_ path: String, v2: Bool) {
    var buffer = ByteBuffer()
    let context: SyncResponse.Context = v2 ? .list2 : .list
    // adbd lists with readdir, so `.` and `..` come first; a directory it cannot open is empty.
    if let directory = try? phone.fileSystem.stat(path), let entries = try? phone.fileSystem.list(path) {
      let parent = (try? phone.fileSystem.stat(path + "/..")) ?? directory
      let all = [(name: ".", metadata: directory), (name: "..", metadata: parent)] + entries
      for entry in all {
        let record: SyncResponse =
          v2
          ? .dent2(name: entry.name, SyncStatV2(entry.metadata)) : .dent(name: entry.name, SyncStatV1(entry.metadata))
        record.write(to: &buffer, context: context)
      }
    }
    SyncResponse.done.write(to: &buffer, context: context)
    output.write(buffer)
  }

  // MARK: - Push

  private func beginPush(path: String, mode: UInt32, flags: SyncFlags) throws {
    guard push == nil else { throw SyncFailure("SEND while another push is in progress") }
    guard flags.subtracting(.dryRun).isEmpty else {
      throw SyncFailure("compression is not supported (flags 0x\(String(flags.rawValue, radix: 16)))")
    }
    push = Push(path: path, mode: mode, dryRun: flags.contains(.dryRun))
  }

  private func finishPush(mtime: UInt32) throws {
    guard let finished = push else { throw SyncFailure("DONE without SEND") }
    push = nil
    if !finished.dryRun {
      do throws(FileSystemError) {
        try phone.fileSystem.writeFile(
          finished.path, contents: finished.contents, mode: finished.mode, mtime: Int64(mtime), createParents: true)
      } catch {
        throw SyncFailure("couldn't create file: \(error.message)")
      }
    }
    reply(.okay, context: .send)
  }

  // MARK: - Pull

  private func beginPull(path: String, flags: SyncFlags) throws {
    guard flags.isEmpty else {
      throw SyncFailure("compression is not supported (flags 0x\(String(flags.rawValue, radix: 16)))")
    }
    do throws(FileSystemError) {
      pull = Pull(contents: try phone.fileSystem.readFile(path))
    } catch {
      throw SyncFailure("open failed: \(error.message)")
    }
    continuePull()
  }

  /// Writes the next WRTE's worth of DATA records, or DONE at the end.
  private func continuePull() {
    guard var current = pull else { return }
    let recordOverhead = 8
    var budget = max(output.maxPayload, recordOverhead + 1)
    var buffer = ByteBuffer()
    buffer.reserveCapacity(budget)
    while budget > recordOverhead, current.offset < current.contents.count {
      let length = min(SyncLimits.maxDataLength, budget - recordOverhead, current.contents.count - current.offset)
      buffer.writeMultipleIntegers(SyncID.data.rawValue, UInt32(length), endianness: .little)
      current.contents.withUnsafeBufferPointer { bytes in
        _ = buffer.writeBytes(
          UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[current.offset..<(current.offset + length)])))
      }
      current.offset += length
      budget -= recordOverhead + length
    }
    if current.offset == current.contents.count {
      SyncResponse.done.write(to: &buffer, context: .receive)
      pull = nil
    } else {
      pull = current
    }
    output.write(buffer)
  }

  // MARK: - Replies

  private func reply(_ response: SyncResponse, context: SyncResponse.Context) {
    var buffer = ByteBuffer()
    response.write(to: &buffer, context: context)
    output.write(buffer)
  }

  private func fail(_ message: String) {
    guard !isClosed else { return }
    reply(.fail(message: message), context: .send)
    isClosed = true
    push = nil
    pull = nil
    output.finish()
  }
}

/// A sync request that fails with adbd's kind of message.
private struct SyncFailure: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

extension SyncStatV1 {
  /// The v1 view of a file: 32-bit size and mtime, as the protocol truncates them.
  init(_ metadata: PhoneFileSystem.Metadata) {
    self.init(
      mode: metadata.mode, size: UInt32(truncatingIfNeeded: metadata.size),
      mtime: UInt32(truncatingIfNeeded: metadata.mtime))
  }
}

extension SyncStatV2 {
  /// The v2 view of a file: the full `struct stat`.
  init(_ metadata: PhoneFileSystem.Metadata) {
    self.init(
      device: 0xfd00, inode: metadata.inode, mode: metadata.mode, linkCount: metadata.linkCount, uid: metadata.uid,
      gid: metadata.gid, size: metadata.size, atime: metadata.mtime, mtime: metadata.mtime, ctime: metadata.mtime)
  }
}
