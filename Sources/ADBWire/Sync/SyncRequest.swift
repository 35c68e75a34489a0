public import NIOCore

/// A record the host sends on a `sync:` stream (AOSP `file_sync_protocol.h`).
///
/// Requests are `{u32 id, u32 length}` + a path of that length (no NUL). `SND2` and `RCV2` are
/// followed by a second header; a push continues with `DATA` chunks and a `DONE` carrying the
/// mtime.
public enum SyncRequest: Hashable, Sendable {
  /// `STAT`: lstat with the v1 reply.
  case stat(path: String)
  /// `STA2`: stat (following links) with the v2 reply.
  case stat2(path: String)
  /// `LST2`: lstat with the v2 reply.
  case lstat2(path: String)
  /// `LIST`: directory entries with v1 records.
  case list(path: String)
  /// `LIS2`: directory entries with v2 records.
  case list2(path: String)
  /// `SEND`: start a push; the wire field is `"<path>,<decimal st_mode>"`.
  case send(path: String, mode: UInt32)
  /// `SND2`: start a push with mode and flags in a second header.
  case send2(path: String, mode: UInt32, flags: SyncFlags)
  /// `RECV`: pull a file.
  case receive(path: String)
  /// `RCV2`: pull a file with flags in a second header.
  case receive2(path: String, flags: SyncFlags)
  /// `DATA`: a chunk of a pushed file, at most 64 KiB.
  case data(ByteBuffer)
  /// `DONE`: the pushed file is complete; set its mtime (Unix seconds).
  case done(mtime: UInt32)
  /// `QUIT`: end the sync session.
  case quit
}

// MARK: - Writing

extension SyncRequest {
  /// Appends the record to `buffer`.
  public func write(to buffer: inout ByteBuffer) {
    switch self {
    case .stat(let path): Self.writePath(.stat, path, to: &buffer)
    case .stat2(let path): Self.writePath(.stat2, path, to: &buffer)
    case .lstat2(let path): Self.writePath(.lstat2, path, to: &buffer)
    case .list(let path): Self.writePath(.list, path, to: &buffer)
    case .list2(let path): Self.writePath(.list2, path, to: &buffer)
    case .receive(let path): Self.writePath(.receive, path, to: &buffer)
    case .send(let path, let mode): Self.writePath(.send, "\(path),\(mode)", to: &buffer)
    case .send2(let path, let mode, let flags):
      Self.writePath(.send2, path, to: &buffer)
      buffer.writeMultipleIntegers(SyncID.send2.rawValue, mode, flags.rawValue, endianness: .little)
    case .receive2(let path, let flags):
      Self.writePath(.receive2, path, to: &buffer)
      buffer.writeMultipleIntegers(SyncID.receive2.rawValue, flags.rawValue, endianness: .little)
    case .data(var bytes):
      buffer.writeMultipleIntegers(SyncID.data.rawValue, UInt32(bytes.readableBytes), endianness: .little)
      buffer.writeBuffer(&bytes)
    case .done(let mtime): buffer.writeMultipleIntegers(SyncID.done.rawValue, mtime, endianness: .little)
    case .quit: buffer.writeMultipleIntegers(SyncID.quit.rawValue, UInt32(0), endianness: .little)
    }
  }

  private static func writePath(_ id: SyncID, _ path: String, to buffer: inout ByteBuffer) {
    buffer.writeMultipleIntegers(id.rawValue, UInt32(path.utf8.count), endianness: .little)
    buffer.writeString(path)
  }
}

// MARK: - Reading

extension SyncRequest {
  /// Reads one record, or returns nil (consuming nothing) when it is incomplete.
  /// - Throws: ``ADBWireError/Code/malformedSyncRecord`` for an unknown id, a path over 1024
  ///   bytes ("path too long", as adbd says), a DATA chunk over 64 KiB, a `SEND` field with no
  ///   `,mode`, or a second header whose id does not repeat the first.
  public static func read(from buffer: inout ByteBuffer) throws(ADBWireError) -> SyncRequest? {
    var reader = buffer
    guard let (rawID, length) = reader.readMultipleIntegers(endianness: .little, as: (UInt32, UInt32).self)
    else { return nil }
    let id = SyncID(rawValue: rawID)
    let request: SyncRequest?
    switch id {
    case .data:
      guard Int(length) <= SyncLimits.maxDataLength else {
        throw ADBWireError(.malformedSyncRecord, "DATA of \(length) bytes, limit \(SyncLimits.maxDataLength)")
      }
      request = reader.readSlice(length: Int(length)).map { .data($0) }
    case .done: request = .done(mtime: length)
    case .quit: request = .quit
    case .stat, .stat2, .lstat2, .list, .list2, .receive, .send, .send2, .receive2:
      request = try readPathRequest(id, length: length, from: &reader)
    default:
      throw ADBWireError(.malformedSyncRecord, "unknown request id \(id)")
    }
    if request != nil { buffer = reader }
    return request
  }

  private static func readPathRequest(_ id: SyncID, length: UInt32, from reader: inout ByteBuffer)
    throws(ADBWireError) -> SyncRequest?
  {
    guard Int(length) <= SyncLimits.maxPathLength else {
      throw ADBWireError(.malformedSyncRecord, "\(id) path too long (\(length) bytes)")
    }
    guard let pathBytes = reader.readBytes(length: Int(length)) else { return nil }
    let path = String(decoding: pathBytes, as: UTF8.self)
    switch id {
    case .stat: return .stat(path: path)
    case .stat2: return .stat2(path: path)
    case .lstat2: return .lstat2(path: path)
    case .list: return .list(path: path)
    case .list2: return .list2(path: path)
    case .receive: return .receive(path: path)
    case .send:
      // adbd splits at the last comma: a path may itself contain commas.
      guard let comma = path.lastIndex(of: ","), let mode = UInt32(path[path.index(after: comma)...]) else {
        throw ADBWireError(.malformedSyncRecord, "SEND without ',mode': \(path.debugDescription)")
      }
      return .send(path: String(path[..<comma]), mode: mode)
    case .send2:
      guard
        let (secondID, mode, flags) = reader.readMultipleIntegers(
          endianness: .little, as: (UInt32, UInt32, UInt32).self)
      else { return nil }
      try expectRepeated(.send2, secondID)
      return .send2(path: path, mode: mode, flags: SyncFlags(rawValue: flags))
    default:
      guard let (secondID, flags) = reader.readMultipleIntegers(endianness: .little, as: (UInt32, UInt32).self)
      else { return nil }
      try expectRepeated(.receive2, secondID)
      return .receive2(path: path, flags: SyncFlags(rawValue: flags))
    }
  }

  private static func expectRepeated(_ id: SyncID, _ secondID: UInt32) throws(ADBWireError) {
    guard secondID == id.rawValue else {
      throw ADBWireError(.malformedSyncRecord, "\(id) second header has id \(SyncID(rawValue: secondID))")
    }
  }
}
