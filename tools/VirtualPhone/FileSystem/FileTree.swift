/// The inode table behind ``PhoneFileSystem``, with path resolution; mutation lives in
/// `FileTree+Mutation.swift`. Always used under the file system's lock.
struct FileTree: Sendable {
  static let rootInode: UInt64 = 1
  /// Linux's `MAXSYMLINKS` (fs/namei.c): more links than this while resolving is `ELOOP`.
  static let maximumSymlinks = 40
  /// `NAME_MAX` from linux/limits.h.
  static let maximumNameLength = 255
  /// Permission bits: read, write, search.
  static let read: UInt32 = 4
  static let write: UInt32 = 2
  static let search: UInt32 = 1

  var nodes: [UInt64: FileNode]
  var nextInode: UInt64
  var credentials: FileCredentials

  init(root: FileNode, credentials: FileCredentials) {
    nodes = [Self.rootInode: root]
    nextInode = Self.rootInode + 1
    self.credentials = credentials
  }

  subscript(inode: UInt64) -> FileNode {
    get { nodes[inode]! }
    set { nodes[inode] = newValue }
  }

  // MARK: - Resolution

  /// A resolved path: the node and the chain of directories that lead to it.
  struct Location {
    /// Inodes from the root to the node (the node is last).
    var chain: [UInt64]
    var inode: UInt64 { chain[chain.count - 1] }
    var parent: UInt64 { chain.count > 1 ? chain[chain.count - 2] : chain[0] }
  }

  /// Splits a path into its non-empty components.
  static func components(of path: String) -> [String] {
    path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
  }

  /// Walks `path` from the root the way the kernel's `path_walk` does: `..` climbs the
  /// resolved chain (so `/sdcard/..` is /storage/self, not /), and every symlink met
  /// on the way is spliced in.
  /// - Parameter followFinal: whether a symlink in the last component is followed (`stat`) or
  ///   returned itself (`lstat`). A trailing slash always follows, as POSIX requires.
  func resolve(_ path: String, followFinal: Bool) throws(FileSystemError) -> Location {
    var pending = Array(Self.components(of: path).reversed())
    let follow = followFinal || path.hasSuffix("/")
    var chain = [Self.rootInode]
    var linksFollowed = 0
    while let name = pending.popLast() {
      if name == "." { continue }
      let directory = self[chain[chain.count - 1]]
      guard directory.isDirectory else { throw FileSystemError(errno: FileSystemError.notDirectory, path: path) }
      if name == ".." {
        if chain.count > 1 { chain.removeLast() }
        continue
      }
      guard credentials.allows(Self.search, on: directory) else {
        throw FileSystemError(errno: FileSystemError.permissionDenied, path: path)
      }
      guard let child = directory.entries[name] else {
        throw FileSystemError(errno: FileSystemError.noSuchFile, path: path)
      }
      if case .symlink(let target) = self[child].content, follow || !pending.isEmpty {
        linksFollowed += 1
        guard linksFollowed <= Self.maximumSymlinks else {
          throw FileSystemError(errno: FileSystemError.tooManyLinks, path: path)
        }
        if target.hasPrefix("/") { chain = [Self.rootInode] }
        pending.append(contentsOf: Self.components(of: target).reversed())
        continue
      }
      chain.append(child)
    }
    return Location(chain: chain)
  }

  /// Resolves everything but the last component, which must be a plain name; this is how
  /// `open(O_CREAT)`, `mkdir`, `unlink` and `rename` find the directory they change.
  func resolveParent(_ path: String) throws(FileSystemError) -> (directory: Location, name: String) {
    var names = Self.components(of: path)
    guard let name = names.popLast(), name != ".", name != ".." else {
      // "/" itself, or a path ending in . or ..: there is no entry to create or remove.
      throw FileSystemError(
        errno: path == "/" || names.isEmpty ? FileSystemError.busy : FileSystemError.invalidArgument, path: path)
    }
    guard name.utf8.count <= Self.maximumNameLength else {
      throw FileSystemError(errno: FileSystemError.nameTooLong, path: path)
    }
    let directory: Location
    do {
      directory = try resolve("/" + names.joined(separator: "/"), followFinal: true)
    } catch {
      throw FileSystemError(errno: error.errno, path: path)
    }
    guard self[directory.inode].isDirectory else {
      throw FileSystemError(errno: FileSystemError.notDirectory, path: path)
    }
    return (directory, name)
  }

  // MARK: - Metadata

  func metadata(of inode: UInt64) -> PhoneFileSystem.Metadata {
    let node = self[inode]
    let size: UInt64
    var links: UInt32 = 1
    switch node.content {
    case .file(let bytes): size = UInt64(bytes.count)
    case .directory(let entries):
      // ext4 reports one block for a directory; links are "." plus the entry in the parent
      // plus each subdirectory's "..".
      size = 4096
      links = 2 + UInt32(entries.values.filter { self[$0].isDirectory }.count)
    case .symlink(let target): size = UInt64(target.utf8.count)
    case .nullDevice: size = 0
    }
    return PhoneFileSystem.Metadata(
      kind: node.content.kind, mode: node.typeBits | node.permissions, size: size, mtime: node.mtime,
      inode: inode, linkCount: links, uid: node.uid, gid: node.gid
    )
  }
}

extension FileNode.Content {
  var kind: PhoneFileSystem.Metadata.Kind {
    switch self {
    case .file, .nullDevice: .file
    case .directory: .directory
    case .symlink: .symlink
    }
  }
}
