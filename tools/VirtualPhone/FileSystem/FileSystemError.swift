/// A failed file-system call, as the Linux kernel under Android reports it.
///
/// The `errno` values are Linux's (`asm-generic/errno-base.h`); ``message`` is bionic's
/// `strerror` text, which toybox and mksh print after the path (`ls: /x: No such file or directory`).
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The Linux error number, for example ``noSuchFile`` (2).
  public var errno: Int32
  /// The path the failing call was given.
  public var path: String

  /// Creates an error for a path.
  /// - Parameters:
  ///   - errno: the Linux error number.
  ///   - path: the path the call was given.
  public init(errno: Int32, path: String) {
    self.errno = errno
    self.path = path
  }

  // MARK: - Error numbers (Linux asm-generic/errno-base.h, errno.h)

  /// `EPERM` (1): operation not permitted.
  public static let notPermitted: Int32 = 1
  /// `ENOENT` (2): a component of the path does not exist.
  public static let noSuchFile: Int32 = 2
  /// `EACCES` (13): the shell user lacks a permission bit.
  public static let permissionDenied: Int32 = 13
  /// `EBUSY` (16): the path is a mount point.
  public static let busy: Int32 = 16
  /// `EEXIST` (17): the path already exists.
  public static let exists: Int32 = 17
  /// `EXDEV` (18): rename across mounts.
  public static let crossDevice: Int32 = 18
  /// `ENOTDIR` (20): a component used as a directory is not one.
  public static let notDirectory: Int32 = 20
  /// `EISDIR` (21): the call needs a file but found a directory.
  public static let isDirectory: Int32 = 21
  /// `EINVAL` (22): for example, moving a directory into itself.
  public static let invalidArgument: Int32 = 22
  /// `EROFS` (30): the path lies on a read-only mount such as /system.
  public static let readOnlyFileSystem: Int32 = 30
  /// `ENAMETOOLONG` (36): a name longer than 255 bytes.
  public static let nameTooLong: Int32 = 36
  /// `ENOTEMPTY` (39): removing a directory that still has entries.
  public static let notEmpty: Int32 = 39
  /// `ELOOP` (40): more than 40 symbolic links while resolving.
  public static let tooManyLinks: Int32 = 40

  /// bionic's `strerror` text for ``errno``.
  public var message: String {
    switch errno {
    case Self.notPermitted: "Operation not permitted"
    case Self.noSuchFile: "No such file or directory"
    case Self.permissionDenied: "Permission denied"
    case Self.busy: "Device or resource busy"
    case Self.exists: "File exists"
    case Self.crossDevice: "Cross-device link"
    case Self.notDirectory: "Not a directory"
    case Self.isDirectory: "Is a directory"
    case Self.invalidArgument: "Invalid argument"
    case Self.readOnlyFileSystem: "Read-only file system"
    case Self.nameTooLong: "File name too long"
    case Self.notEmpty: "Directory not empty"
    case Self.tooManyLinks: "Too many symbolic links encountered"
    default: "Unknown error \(errno)"
    }
  }

  /// `PATH: MESSAGE`, the way toybox prints it.
  public var description: String { "\(path): \(message)" }
}
