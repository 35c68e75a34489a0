import Foundation
import Synchronization

/// The phone's in-memory file system: a Linux-like tree of files, directories and symlinks
/// seen through the eyes of adbd's `shell` user (uid 2000).
///
/// Paths are absolute; `.`, `..`, duplicate slashes and symlinks are resolved the way the
/// kernel does. Permission bits are checked for the shell user, and read-only mounts
/// (/, /system, /proc) refuse changes with `EROFS`. File contents are `[UInt8]`, so reading
/// even a large file is O(1) (copy-on-write).
///
/// ```swift
/// let fs = PhoneFileSystem.androidLayout()
/// try fs.writeFile("/sdcard/Download/a.txt", contents: Array("hi\n".utf8), mode: 0o644,
///                  mtime: 1_700_000_000, createParents: false)
/// let entries = try fs.list("/sdcard/Download")   // [("a.txt", Metadata(size: 3, …))]
/// ```
public final class PhoneFileSystem: Sendable {
  let tree: Mutex<FileTree>
  let clock: @Sendable () -> Int64

  /// Creates a file system that holds only an empty, writable root directory.
  /// - Parameter clock: the time stamped on changes, in Unix seconds (inject a fixed one in tests).
  public init(clock: @escaping @Sendable () -> Int64 = PhoneFileSystem.wallClock) {
    let now = clock()
    let root = FileNode(
      content: .directory([:]), permissions: 0o755, uid: 0, gid: 0, mtime: now, readOnly: false,
      emulatedStorage: false)
    self.tree = Mutex(FileTree(root: root, credentials: .shell))
    self.clock = clock
  }

  /// The host's wall clock in Unix seconds.
  public static func wallClock() -> Int64 {
    Int64(Date().timeIntervalSince1970)
  }

  // MARK: - Reading

  /// Describes a path without following a final symlink.
  /// - Throws: `ENOENT`, `ENOTDIR`, `EACCES` or `ELOOP` as ``FileSystemError``.
  public func lstat(_ path: String) throws(FileSystemError) -> Metadata {
    try tree.withLock { tree throws(FileSystemError) in
      tree.metadata(of: try tree.resolve(path, followFinal: false).inode)
    }
  }

  /// Describes a path, following symlinks.
  /// - Throws: as ``lstat(_:)``; a dangling symlink is `ENOENT`.
  public func stat(_ path: String) throws(FileSystemError) -> Metadata {
    try tree.withLock { tree throws(FileSystemError) in
      tree.metadata(of: try tree.resolve(path, followFinal: true).inode)
    }
  }

  /// Whether a path exists (following symlinks).
  public func exists(_ path: String) -> Bool {
    (try? stat(path)) != nil
  }

  /// The entries of a directory sorted by name, without `.` and `..`; symlinks are described
  /// themselves, not their targets.
  /// - Throws: `ENOTDIR` for a file, `EACCES` without read permission (for example /data).
  public func list(_ path: String) throws(FileSystemError) -> [(name: String, metadata: Metadata)] {
    try tree.withLock { tree throws(FileSystemError) in
      let node = tree[try tree.resolve(path, followFinal: true).inode]
      guard node.isDirectory else { throw FileSystemError(errno: FileSystemError.notDirectory, path: path) }
      guard tree.credentials.allows(FileTree.read, on: node) else {
        throw FileSystemError(errno: FileSystemError.permissionDenied, path: path)
      }
      return node.entries.sorted { $0.key < $1.key }.map { (name: $0.key, metadata: tree.metadata(of: $0.value)) }
    }
  }

  /// The bytes of a file (O(1): the array is shared copy-on-write).
  /// - Throws: `EISDIR` for a directory, `EACCES` without read permission, `ENOENT`.
  public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
    try tree.withLock { tree throws(FileSystemError) in
      let node = tree[try tree.resolve(path, followFinal: true).inode]
      guard tree.credentials.allows(FileTree.read, on: node) else {
        throw FileSystemError(errno: FileSystemError.permissionDenied, path: path)
      }
      switch node.content {
      case .file(let bytes): return bytes
      case .nullDevice, .symlink: return []
      case .directory: throw FileSystemError(errno: FileSystemError.isDirectory, path: path)
      }
    }
  }

  /// The target of a symlink, as stored.
  /// - Throws: `EINVAL` when the path is not a symlink.
  public func readLink(_ path: String) throws(FileSystemError) -> String {
    try tree.withLock { tree throws(FileSystemError) in
      guard case .symlink(let target) = tree[try tree.resolve(path, followFinal: false).inode].content else {
        throw FileSystemError(errno: FileSystemError.invalidArgument, path: path)
      }
      return target
    }
  }

  // MARK: - Writing

  /// Creates or replaces a regular file.
  /// - Parameters:
  ///   - path: the file; a final symlink is followed.
  ///   - contents: the new bytes.
  ///   - mode: permission bits or a full `st_mode` (type bits are ignored; 0 means 0o644).
  ///     Emulated storage (/sdcard) always stores 0660, as its FUSE daemon does.
  ///   - mtime: modification time in Unix seconds.
  ///   - createParents: create missing directories first, like `mkdir -p`.
  /// - Throws: `EISDIR` onto a directory, `ENOENT` for a missing parent, `EROFS`, `EACCES`.
  public func writeFile(
    _ path: String, contents: [UInt8], mode: UInt32 = 0o644, mtime: Int64? = nil, createParents: Bool = false
  ) throws(FileSystemError) {
    let now = mtime ?? clock()
    let permissions = mode & 0o7777 == 0 ? 0o644 : mode & 0o7777
    try tree.withLock { tree throws(FileSystemError) in
      if createParents {
        let parent = FileTree.components(of: path).dropLast().joined(separator: "/")
        try tree.makeDirectory("/" + parent, createParents: true, mtime: now)
      }
      try tree.writeFile(path, contents: contents, permissions: permissions, mtime: now, append: false)
    }
  }

  /// Appends to a file, creating it (mode 0666, the shell's umask is 0) when missing.
  /// - Throws: as ``writeFile(_:contents:mode:mtime:createParents:)``.
  public func appendFile(_ path: String, contents: [UInt8]) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in
      try tree.writeFile(path, contents: contents, permissions: 0o666, mtime: now, append: true)
    }
  }

  /// Creates a directory (mode 0755; 0771 on emulated storage).
  /// - Parameter createParents: create missing parents and accept an existing directory (`mkdir -p`).
  /// - Throws: `EEXIST`, `ENOENT`, `ENOTDIR`, `EROFS`, `EACCES`.
  public func makeDirectory(_ path: String, createParents: Bool = false) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in
      try tree.makeDirectory(path, createParents: createParents, mtime: now)
    }
  }

  /// Creates a symbolic link at `path` that points to `target` (stored as given).
  /// - Throws: `EEXIST`, `ENOENT`, `EROFS`, `EACCES`.
  public func makeSymlink(target: String, at path: String) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in try tree.makeSymlink(target: target, at: path, mtime: now) }
  }

  /// Removes a file or symlink, or with `recursive` a whole directory tree.
  /// - Throws: `EISDIR` for a directory without `recursive`, `ENOENT`, `EROFS`, `EACCES`.
  public func remove(_ path: String, recursive: Bool = false) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in
      try tree.remove(path, recursive: recursive, directoriesOnly: false, mtime: now)
    }
  }

  /// Removes an empty directory (`rmdir`).
  /// - Throws: `ENOTEMPTY`, `ENOTDIR`, `ENOENT`, `EROFS`, `EACCES`.
  public func removeDirectory(_ path: String) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in
      try tree.remove(path, recursive: false, directoriesOnly: true, mtime: now)
    }
  }

  /// Renames a node (`rename(2)`): replaces a file, or an empty directory with a directory.
  /// - Throws: `EISDIR`, `ENOTDIR`, `ENOTEMPTY`, `EINVAL` (a directory into itself), `ENOENT`.
  public func move(from source: String, to destination: String) throws(FileSystemError) {
    let now = clock()
    try tree.withLock { tree throws(FileSystemError) in try tree.move(from: source, to: destination, mtime: now) }
  }

  /// Sets a node's modification time (following symlinks), as `touch` does.
  public func setModificationTime(_ path: String, to mtime: Int64) throws(FileSystemError) {
    try tree.withLock { tree throws(FileSystemError) in
      let inode = try tree.resolve(path, followFinal: true).inode
      if tree[inode].readOnly { throw FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: path) }
      tree[inode].mtime = mtime
    }
  }

  /// Sets a node's permission bits (`chmod`); only the owner may, and emulated storage ignores it.
  public func setPermissions(_ path: String, to permissions: UInt32) throws(FileSystemError) {
    try tree.withLock { tree throws(FileSystemError) in
      let inode = try tree.resolve(path, followFinal: true).inode
      let node = tree[inode]
      if node.readOnly { throw FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: path) }
      guard node.uid == tree.credentials.uid || node.emulatedStorage else {
        throw FileSystemError(errno: FileSystemError.notPermitted, path: path)
      }
      if !node.emulatedStorage { tree[inode].permissions = permissions & 0o7777 }
    }
  }

  /// The current time of this file system's clock, in Unix seconds.
  public var now: Int64 { clock() }
}
