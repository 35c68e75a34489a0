import NIOCore

/// What `STAT` (v1) answers: mode, size and mtime as u32. All zeros means "does not exist".
public struct SyncStatV1: Hashable, Sendable {
  /// `st_mode`, type bits included.
  public var mode: UInt32
  /// Size in bytes, truncated to 32 bits as the v1 protocol does.
  public var size: UInt32
  /// Modification time, Unix seconds.
  public var mtime: UInt32

  /// Creates a v1 stat.
  public init(mode: UInt32, size: UInt32, mtime: UInt32) {
    self.mode = mode
    self.size = size
    self.mtime = mtime
  }

  /// Size of the three fields on the wire.
  static let fieldsSize = 12

  func writeFields(to buffer: inout ByteBuffer) {
    buffer.writeMultipleIntegers(mode, size, mtime, endianness: .little)
  }

  static func readFields(from buffer: inout ByteBuffer) -> SyncStatV1? {
    buffer.readMultipleIntegers(endianness: .little, as: (UInt32, UInt32, UInt32).self)
      .map { SyncStatV1(mode: $0.0, size: $0.1, mtime: $0.2) }
  }
}

/// What `STA2`/`LST2` answer, and the body of a `DNT2` entry: a full `struct stat` plus errno.
public struct SyncStatV2: Hashable, Sendable {
  /// 0, or the errno of a failed stat (e.g. 2 for ENOENT); the other fields are then zero.
  public var error: UInt32
  /// `st_dev`.
  public var device: UInt64
  /// `st_ino`.
  public var inode: UInt64
  /// `st_mode`, type bits included.
  public var mode: UInt32
  /// `st_nlink`.
  public var linkCount: UInt32
  /// `st_uid`.
  public var uid: UInt32
  /// `st_gid`.
  public var gid: UInt32
  /// Size in bytes.
  public var size: UInt64
  /// Access time, Unix seconds.
  public var atime: Int64
  /// Modification time, Unix seconds.
  public var mtime: Int64
  /// Status-change time, Unix seconds.
  public var ctime: Int64

  /// Creates a v2 stat.
  public init(
    error: UInt32 = 0, device: UInt64 = 0, inode: UInt64 = 0, mode: UInt32 = 0, linkCount: UInt32 = 0,
    uid: UInt32 = 0, gid: UInt32 = 0, size: UInt64 = 0, atime: Int64 = 0, mtime: Int64 = 0, ctime: Int64 = 0
  ) {
    self.error = error
    self.device = device
    self.inode = inode
    self.mode = mode
    self.linkCount = linkCount
    self.uid = uid
    self.gid = gid
    self.size = size
    self.atime = atime
    self.mtime = mtime
    self.ctime = ctime
  }

  /// A stat that failed with `errno`.
  public static func failure(errno: UInt32) -> SyncStatV2 { SyncStatV2(error: errno) }

  /// Size of the fields after the id on the wire: 68 bytes (72 with the id).
  static let fieldsSize = 68

  func writeFields(to buffer: inout ByteBuffer) {
    buffer.writeMultipleIntegers(error, device, inode, mode, linkCount, uid, gid, endianness: .little)
    buffer.writeMultipleIntegers(size, UInt64(bitPattern: atime), UInt64(bitPattern: mtime), endianness: .little)
    buffer.writeInteger(UInt64(bitPattern: ctime), endianness: .little)
  }

  static func readFields(from buffer: inout ByteBuffer) -> SyncStatV2? {
    guard buffer.readableBytes >= fieldsSize,
      let a = buffer.readMultipleIntegers(
        endianness: .little, as: (UInt32, UInt64, UInt64, UInt32, UInt32, UInt32, UInt32).self),
      let b = buffer.readMultipleIntegers(endianness: .little, as: (UInt64, UInt64, UInt64, UInt64).self)
    else { return nil }
    return SyncStatV2(
      error: a.0, device: a.1, inode: a.2, mode: a.3, linkCount: a.4, uid: a.5, gid: a.6, size: b.0,
      atime: Int64(bitPattern: b.1), mtime: Int64(bitPattern: b.2), ctime: Int64(bitPattern: b.3))
  }
}
