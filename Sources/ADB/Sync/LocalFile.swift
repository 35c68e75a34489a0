#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat(2)` says about a path on this computer.
struct LocalStatus {
  /// The full `st_mode`.
  var mode: UInt32
  /// Size in bytes.
  var size: UInt64
  /// Modification time, Unix seconds.
  var mtime: Int64

  var isDirectory: Bool { mode & FileMode.typeMask == FileMode.directory }
  var isRegularFile: Bool { mode & FileMode.typeMask == FileMode.regularFile }
}

/// The local side of a transfer: POSIX calls on this computer's files, failing with
/// ``ADBError/Code/localFileError`` in `strerror` words ("cannot read /x: No such file or
/// directory").
///
/// The calls block, as AOSP's client does: they touch regular files in chunks of at most 1 MiB,
/// which the page cache serves in far less time than the network takes to move them.
enum LocalFileSystem {
  /// `stat(2)`, following symlinks.
  static func status(_ path: String) throws(ADBError) -> LocalStatus {
    guard let status = statusIfExists(path) else { throw error("cannot read", path) }
    return status
  }

  /// `stat(2)`, or nil when it fails.
  static func statusIfExists(_ path: String) -> LocalStatus? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let mtime = Int64(info.st_mtimespec.tv_sec)
    #else
      let mtime = Int64(info.st_mtim.tv_sec)
    #endif
    return LocalStatus(mode: UInt32(info.st_mode), size: UInt64(info.st_size), mtime: mtime)
  }

  /// The names in a directory, sorted, without `.` and `..`.
  static func entries(of directory: String) throws(ADBError) -> [String] {
    guard let handle = opendir(directory) else { throw error("cannot read", directory) }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// `mkdir(2)` with mode 0755; an existing directory is fine.
  static func makeDirectory(_ path: String) throws(ADBError) {
    guard mkdir(path, 0o755) == 0 || (errno == EEXIST && statusIfExists(path)?.isDirectory == true) else {
      throw error("cannot create directory", path)
    }
  }

  /// The local error for a failed call on `path`, in the words of `strerror(errno)`.
  static func error(_ action: String, _ path: String, errno code: Int32 = errno) -> ADBError {
    ADBError(.localFileError, "\(action) \(path): \(errorText(code))")
  }

  /// `strerror(code)`: "No such file or directory" for 2. Android and Linux share the numbering.
  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// An open file on this computer, read or written in large chunks; closed by ``close()`` or
/// when released.
final class LocalFile {
  let path: String
  private var descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { close() }

  /// Opens `path` for reading.
  static func openForReading(_ path: String) throws(ADBError) -> LocalFile {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw LocalFileSystem.error("cannot read", path) }
    return LocalFile(path: path, descriptor: descriptor)
  }

  /// Creates or truncates `path` for writing.
  static func create(_ path: String) throws(ADBError) -> LocalFile {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw LocalFileSystem.error("cannot create", path) }
    return LocalFile(path: path, descriptor: descriptor)
  }

  /// Reads up to `buffer.count` bytes; 0 at the end of the file.
  func read(into buffer: UnsafeMutableRawBufferPointer) throws(ADBError) -> Int {
    while true {
      let count = posixRead(descriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno != EINTR { throw LocalFileSystem.error("cannot read", path) }
    }
  }

  /// Writes all of `bytes`.
  func write(_ bytes: UnsafeRawBufferPointer) throws(ADBError) {
    var offset = 0
    while offset < bytes.count {
      let count = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if count < 0 {
        if errno == EINTR { continue }
        throw LocalFileSystem.error("cannot write", path)
      }
      offset += count
    }
  }

  /// Sets the permission bits of `mode` and the modification (and access) time, as a pull
  /// keeps them from the device.
  func setAttributes(mode: UInt32, mtime: Int64) throws(ADBError) {
    guard fchmod(descriptor, mode_t(mode & 0o7777)) == 0 else { throw LocalFileSystem.error("cannot chmod", path) }
    let time = timespec(tv_sec: Int(mtime), tv_nsec: 0)
    let times = [time, time]
    guard futimens(descriptor, times) == 0 else { throw LocalFileSystem.error("cannot set the time of", path) }
  }

  /// Closes the file; later calls do nothing.
  func close() {
    guard descriptor >= 0 else { return }
    _ = posixClose(descriptor)
    descriptor = -1
  }
}

// `read`, `write` and `close` are shadowed by the methods above.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}

private func posixClose(_ fd: Int32) -> Int32 {
  close(fd)
}
