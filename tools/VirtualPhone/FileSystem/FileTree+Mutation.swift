extension FileTree {
  // MARK: - Building blocks

  /// Ownership that the emulated-storage FUSE daemon forces (`ls -l /sdcard` on a phone:
  /// `root sdcard_rw`, files `-rw-rw----`, directories `drwxrwx--x`).
  static let emulatedOwner: UInt32 = 0
  static let emulatedGroup: UInt32 = 1015
  static let emulatedFilePermissions: UInt32 = 0o660
  static let emulatedDirectoryPermissions: UInt32 = 0o771
  /// The shell's primary group.
  static let shellGroup: UInt32 = 2000

  /// A node that a write under `parent` creates: the parent's mount flags, the caller's
  /// ownership (or emulated storage's), and the requested permission bits.
  func newNode(_ content: FileNode.Content, permissions: UInt32, under parent: UInt64, mtime: Int64) -> FileNode {
    let parentNode = self[parent]
    var node = FileNode(
      content: content, permissions: permissions & 0o7777, uid: credentials.uid, gid: Self.shellGroup,
      mtime: mtime, readOnly: parentNode.readOnly, emulatedStorage: parentNode.emulatedStorage
    )
    if node.emulatedStorage { node.adoptEmulatedOwnership() }
    return node
  }

  mutating func insert(_ node: FileNode, named name: String, into directory: UInt64, mtime: Int64) -> UInt64 {
    let inode = nextInode
    nextInode += 1
    nodes[inode] = node
    link(inode, named: name, into: directory, mtime: mtime)
    return inode
  }

  mutating func link(_ inode: UInt64, named name: String, into directory: UInt64, mtime: Int64) {
    var entries = self[directory].entries
    entries[name] = inode
    self[directory].content = .directory(entries)
    self[directory].mtime = mtime
  }

  mutating func unlink(named name: String, from directory: UInt64, mtime: Int64) {
    var entries = self[directory].entries
    entries[name] = nil
    self[directory].content = .directory(entries)
    self[directory].mtime = mtime
  }

  /// Adding or removing an entry needs a writable mount and write+search permission.
  func checkCanChangeEntries(of directory: UInt64, path: String) throws(FileSystemError) {
    let node = self[directory]
    if node.readOnly { throw FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: path) }
    guard credentials.allows(Self.write | Self.search, on: node) else {
      throw FileSystemError(errno: FileSystemError.permissionDenied, path: path)
    }
  }

  /// Every inode of the subtree rooted at `inode`, the root first.
  func subtree(of inode: UInt64) -> [UInt64] {
    var result = [inode]
    var index = 0
    while index < result.count {
      result.append(contentsOf: self[result[index]].entries.values)
      index += 1
    }
    return result
  }

  // MARK: - Directories

  mutating func makeDirectory(_ path: String, createParents: Bool, mtime: Int64) throws(FileSystemError) {
    let names = Self.components(of: path)
    guard createParents else {
      let (directory, name) = try resolveParent(path)
      if self[directory.inode].entries[name] != nil {
        throw FileSystemError(errno: FileSystemError.exists, path: path)
      }
      try checkCanChangeEntries(of: directory.inode, path: path)
      _ = insert(
        newNode(.directory([:]), permissions: 0o755, under: directory.inode, mtime: mtime), named: name,
        into: directory.inode, mtime: mtime)
      return
    }
    // mkdir -p: create each missing prefix; an existing non-directory prefix is ENOTDIR.
    for count in names.indices.map({ $0 + 1 }) where names[count - 1] != "." && names[count - 1] != ".." {
      let prefix = "/" + names[..<count].joined(separator: "/")
      let existing: Location
      do {
        existing = try resolve(prefix, followFinal: true)
      } catch {
        guard error.errno == FileSystemError.noSuchFile else { throw FileSystemError(errno: error.errno, path: path) }
        do { try makeDirectory(prefix, createParents: false, mtime: mtime) } catch {
          throw FileSystemError(errno: error.errno, path: path)
        }
        continue
      }
      guard self[existing.inode].isDirectory else {
        throw FileSystemError(errno: FileSystemError.notDirectory, path: path)
      }
    }
  }

  // MARK: - Files

  /// Creates or replaces a regular file (following a final symlink, as `open(O_CREAT|O_TRUNC)`).
  mutating func writeFile(
    _ path: String, contents: [UInt8], permissions: UInt32, mtime: Int64, append: Bool
  ) throws(FileSystemError) {
    let (directory, name) = try resolveParent(path)
    guard self[directory.inode].entries[name] != nil else {
      try checkCanChangeEntries(of: directory.inode, path: path)
      _ = insert(
        newNode(.file(contents), permissions: permissions, under: directory.inode, mtime: mtime), named: name,
        into: directory.inode, mtime: mtime)
      return
    }
    let target = try resolve(path, followFinal: true).inode
    let existing = self[target]
    switch existing.content {
    case .directory: throw FileSystemError(errno: FileSystemError.isDirectory, path: path)
    case .nullDevice: return
    case .symlink: throw FileSystemError(errno: FileSystemError.noSuchFile, path: path)
    case .file: break
    }
    if existing.readOnly { throw FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: path) }
    guard credentials.allows(Self.write, on: existing) else {
      throw FileSystemError(errno: FileSystemError.permissionDenied, path: path)
    }
    // Take the node out of the table so that its bytes are uniquely referenced and an
    // append grows them in place instead of copying the whole file.
    var node = nodes.removeValue(forKey: target)!
    if append, case .file(var bytes) = node.content {
      node.content = .nullDevice
      bytes.append(contentsOf: contents)
      node.content = .file(bytes)
    } else {
      node.content = .file(contents)
      if !node.emulatedStorage { node.permissions = permissions & 0o7777 }
    }
    node.mtime = mtime
    nodes[target] = node
  }

  mutating func makeSymlink(target: String, at path: String, mtime: Int64) throws(FileSystemError) {
    let (directory, name) = try resolveParent(path)
    if self[directory.inode].entries[name] != nil { throw FileSystemError(errno: FileSystemError.exists, path: path) }
    try checkCanChangeEntries(of: directory.inode, path: path)
    _ = insert(
      newNode(.symlink(target), permissions: 0o777, under: directory.inode, mtime: mtime), named: name,
      into: directory.inode, mtime: mtime)
  }

  // MARK: - Removing and renaming

  mutating func remove(_ path: String, recursive: Bool, directoriesOnly: Bool, mtime: Int64) throws(FileSystemError) {
    let (directory, name) = try resolveParent(path)
    guard let inode = self[directory.inode].entries[name] else {
      throw FileSystemError(errno: FileSystemError.noSuchFile, path: path)
    }
    let node = self[inode]
    if directoriesOnly && !node.isDirectory { throw FileSystemError(errno: FileSystemError.notDirectory, path: path) }
    if node.isDirectory && !recursive {
      guard directoriesOnly else { throw FileSystemError(errno: FileSystemError.isDirectory, path: path) }
      guard node.entries.isEmpty else { throw FileSystemError(errno: FileSystemError.notEmpty, path: path) }
    }
    try checkCanChangeEntries(of: directory.inode, path: path)
    let doomed = subtree(of: inode)
    if doomed.contains(where: { self[$0].readOnly }) {
      throw FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: path)
    }
    unlink(named: name, from: directory.inode, mtime: mtime)
    for inode in doomed { nodes[inode] = nil }
  }

  /// `rename(2)`: replaces a file, or an empty directory with a directory.
  mutating func move(from source: String, to destination: String, mtime: Int64) throws(FileSystemError) {
    let (sourceDirectory, sourceName) = try resolveParent(source)
    guard let inode = self[sourceDirectory.inode].entries[sourceName] else {
      throw FileSystemError(errno: FileSystemError.noSuchFile, path: source)
    }
    let (destinationDirectory, destinationName) = try resolveParent(destination)
    try checkCanChangeEntries(of: sourceDirectory.inode, path: source)
    try checkCanChangeEntries(of: destinationDirectory.inode, path: destination)
    let moving = self[inode]
    if moving.isDirectory && destinationDirectory.chain.contains(inode) {
      throw FileSystemError(errno: FileSystemError.invalidArgument, path: destination)
    }
    if let existing = self[destinationDirectory.inode].entries[destinationName] {
      if existing == inode { return }
      let replaced = self[existing]
      switch (moving.isDirectory, replaced.isDirectory) {
      case (false, true): throw FileSystemError(errno: FileSystemError.isDirectory, path: destination)
      case (true, false): throw FileSystemError(errno: FileSystemError.notDirectory, path: destination)
      case (true, true) where !replaced.entries.isEmpty:
        throw FileSystemError(errno: FileSystemError.notEmpty, path: destination)
      default: break
      }
      for doomed in subtree(of: existing) { nodes[doomed] = nil }
    }
    unlink(named: sourceName, from: sourceDirectory.inode, mtime: mtime)
    link(inode, named: destinationName, into: destinationDirectory.inode, mtime: mtime)
    // Moving into emulated storage hands the files to its FUSE daemon's ownership.
    if self[destinationDirectory.inode].emulatedStorage && !moving.emulatedStorage {
      for moved in subtree(of: inode) { nodes[moved]!.adoptEmulatedOwnership() }
    }
  }
}

extension FileNode {
  mutating func adoptEmulatedOwnership() {
    emulatedStorage = true
    uid = FileTree.emulatedOwner
    gid = FileTree.emulatedGroup
    switch content {
    case .directory: permissions = FileTree.emulatedDirectoryPermissions
    case .symlink: break
    default: permissions = FileTree.emulatedFilePermissions
    }
  }
}
