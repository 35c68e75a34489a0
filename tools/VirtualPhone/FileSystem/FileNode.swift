/// One inode of the in-memory file system.
struct FileNode: Sendable {
  /// What a node is, with the payload each kind needs.
  enum Content: Sendable {
    /// File bytes; `[UInt8]` is copy-on-write, so reading a 256 MiB file is O(1).
    case file([UInt8])
    /// Name → inode.
    case directory([String: UInt64])
    /// The link's target, as given.
    case symlink(String)
    /// A sink that swallows writes and reads as empty, like /dev/null.
    case nullDevice
  }

  var content: Content
  /// Permission bits only (`0o7777`); the type bits come from ``content``.
  var permissions: UInt32
  var uid: UInt32
  var gid: UInt32
  var mtime: Int64
  /// Set on nodes of a read-only mount (/, /system, /proc): changing them gives `EROFS`.
  var readOnly: Bool
  /// Set on nodes of emulated storage (/storage/emulated/0): the FUSE daemon there forces
  /// owner root, group sdcard_rw, and modes 0660/0771 whatever the caller asks for.
  var emulatedStorage: Bool

  var isDirectory: Bool {
    if case .directory = content { return true }
    return false
  }

  var entries: [String: UInt64] {
    if case .directory(let entries) = content { return entries }
    return [:]
  }

  var typeBits: UInt32 {
    switch content {
    case .file: PhoneFileSystem.Metadata.regularFileType
    case .directory: PhoneFileSystem.Metadata.directoryType
    case .symlink: PhoneFileSystem.Metadata.symlinkType
    case .nullDevice: PhoneFileSystem.Metadata.characterDeviceType
    }
  }
}

/// Who is asking: adbd runs `shell` as uid 2000 with these supplementary groups
/// (`id` on an Android 13 phone).
struct FileCredentials: Sendable {
  var uid: UInt32
  var groups: Set<UInt32>

  /// The `shell` user: uid/gid 2000, groups input, log, adb, sdcard_rw, sdcard_r, … .
  static let shell = FileCredentials(
    uid: 2000, groups: [2000, 1004, 1007, 1011, 1015, 1028, 1078, 1079, 3001, 3002, 3003, 3006, 3009, 3011]
  )

  /// Whether these credentials get `bits` (4 read, 2 write, 1 search/execute) on a node.
  func allows(_ bits: UInt32, on node: FileNode) -> Bool {
    if uid == 0 { return true }
    let shift: UInt32 = node.uid == uid ? 6 : (groups.contains(node.gid) ? 3 : 0)
    return (node.permissions >> shift) & bits == bits
  }
}
