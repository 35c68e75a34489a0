extension PhoneFileSystem {
  /// What `lstat`/`stat` report about one path (the fields adb's sync `STAT`/`LST2` carry).
  public struct Metadata: Sendable, Hashable {
    /// The kind of node.
    public enum Kind: Sendable, Hashable {
      /// A regular file (or a device node such as /dev/null, whose ``mode`` says `S_IFCHR`).
      case file
      /// A directory.
      case directory
      /// A symbolic link; ``size`` is the length of its target.
      case symlink
    }

    /// The kind of node.
    public var kind: Kind
    /// The full `st_mode`: type bits (``regularFileType`` …) plus permission bits.
    public var mode: UInt32
    /// Bytes in the file; 4096 for directories, as ext4 and sdcardfs report.
    public var size: UInt64
    /// Last modification, in Unix seconds.
    public var mtime: Int64
    /// The node's inode number, unique in the file system.
    public var inode: UInt64
    /// Hard links: 1 for files and symlinks, 2 plus subdirectories for directories.
    public var linkCount: UInt32
    /// Owner user id (0 root, 1000 system, 2000 shell).
    public var uid: UInt32
    /// Owner group id (1015 sdcard_rw on emulated storage).
    public var gid: UInt32

    /// The permission bits of ``mode`` (`mode & 0o7777`).
    public var permissions: UInt32 { mode & 0o7777 }

    /// Creates metadata.
    public init(
      kind: Kind, mode: UInt32, size: UInt64, mtime: Int64, inode: UInt64, linkCount: UInt32,
      uid: UInt32, gid: UInt32
    ) {
      self.kind = kind
      self.mode = mode
      self.size = size
      self.mtime = mtime
      self.inode = inode
      self.linkCount = linkCount
      self.uid = uid
      self.gid = gid
    }

    // MARK: - st_mode type bits (Linux include/uapi/linux/stat.h)

    /// `S_IFMT`: the mask of the type bits.
    public static let typeMask: UInt32 = 0o170000
    /// `S_IFREG`: a regular file.
    public static let regularFileType: UInt32 = 0o100000
    /// `S_IFDIR`: a directory.
    public static let directoryType: UInt32 = 0o040000
    /// `S_IFLNK`: a symbolic link.
    public static let symlinkType: UInt32 = 0o120000
    /// `S_IFCHR`: a character device such as /dev/null.
    public static let characterDeviceType: UInt32 = 0o020000
  }
}
