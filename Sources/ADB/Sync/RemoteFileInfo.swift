/// A file, directory or symlink on the device, as the sync protocol's `STAT`/`STA2`/`LIST`/`LIS2`
/// describe it.
///
/// ```swift
/// if let info = try await device.stat("/sdcard/Download/a.txt"), info.isRegularFile {
///   print(info.size, info.permissions, info.mtime)
/// }
/// ```
public struct RemoteFileInfo: Hashable, Sendable {
  /// The last path component (`a.txt`).
  public var name: String
  /// The full device path (`/sdcard/Download/a.txt`).
  public var path: String
  /// The full `st_mode`: type bits plus permission bits.
  public var mode: UInt32
  /// Size in bytes (32 bits at most on devices without `stat_v2`/`ls_v2`, as v1 truncates it).
  public var size: UInt64
  /// Modification time, Unix seconds.
  public var mtime: Int64

  /// Creates a description.
  /// - Parameters:
  ///   - path: the full device path; ``name`` is its last component.
  ///   - mode: the full `st_mode`.
  ///   - size: size in bytes.
  ///   - mtime: modification time, Unix seconds.
  public init(path: String, mode: UInt32, size: UInt64, mtime: Int64) {
    self.name = RemotePath.lastComponent(of: path)
    self.path = path
    self.mode = mode
    self.size = size
    self.mtime = mtime
  }

  /// The permission bits of ``mode`` (`mode & 0o7777`).
  public var permissions: UInt32 { mode & 0o7777 }
  /// Whether this is a directory (`S_ISDIR`).
  public var isDirectory: Bool { mode & FileMode.typeMask == FileMode.directory }
  /// Whether this is a regular file (`S_ISREG`).
  public var isRegularFile: Bool { mode & FileMode.typeMask == FileMode.regularFile }
  /// Whether this is a symbolic link (`S_ISLNK`).
  public var isSymlink: Bool { mode & FileMode.typeMask == FileMode.symlink }
}

/// `st_mode` type bits (Linux `<sys/stat.h>`, which Android shares).
enum FileMode {
  /// `S_IFMT`.
  static let typeMask: UInt32 = 0o170000
  /// `S_IFDIR`.
  static let directory: UInt32 = 0o040000
  /// `S_IFREG`.
  static let regularFile: UInt32 = 0o100000
  /// `S_IFLNK`.
  static let symlink: UInt32 = 0o120000
}

/// Joining and splitting device paths, which are always `/`-separated.
enum RemotePath {
  /// `a/b/c` → `c`; trailing slashes are ignored (`/sdcard/dir/` → `dir`).
  static func lastComponent(of path: String) -> String {
    let trimmed = path.split(separator: "/", omittingEmptySubsequences: true)
    return trimmed.last.map(String.init) ?? path
  }

  /// `directory` + `/` + `name`, without doubling a slash.
  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory holding `path` (`/a/b/c` → `/a/b`, `/a` → `/`).
  static func parent(of path: String) -> String {
    var components = path.split(separator: "/", omittingEmptySubsequences: true)
    components.removeLast()
    return "/" + components.joined(separator: "/")
  }
}
