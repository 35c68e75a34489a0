import Synchronization

/// One media file MediaStore has indexed: what a gallery picker lists.
public struct MediaStoreEntry: Sendable, Hashable {
  /// Whether the file is a video or a photo (MediaStore's `MEDIA_TYPE_VIDEO`/`MEDIA_TYPE_IMAGE`).
  public enum Kind: String, Sendable, Hashable {
    /// A video (`.mp4`, `.mov`, …).
    case video
    /// A photo (`.jpg`, `.png`, …).
    case photo
  }

  /// The path as it was scanned (`/sdcard/DCIM/Camera/clip.mp4`).
  public var path: String
  /// Video or photo.
  public var kind: Kind
  /// The file's size in bytes when it was scanned.
  public var size: UInt64
  /// Orders entries by when they were (last) scanned: larger is newer.
  public var sequence: Int

  /// Creates an entry.
  public init(path: String, kind: Kind, size: UInt64, sequence: Int) {
    self.path = path
    self.kind = kind
    self.size = size
    self.sequence = sequence
  }

  /// The kind a file name's extension gives, as MediaFile.java maps extensions to MIME types;
  /// nil for anything that is not a video or a photo.
  public static func kind(ofFileNamed name: String) -> Kind? {
    guard let dot = name.lastIndex(of: "."), !name[name.index(after: dot)...].contains("/") else { return nil }
    let suffix = name[name.index(after: dot)...].lowercased()
    if videoExtensions.contains(suffix) { return .video }
    if photoExtensions.contains(suffix) { return .photo }
    return nil
  }

  static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "3gp", "3gpp", "mkv", "webm", "avi", "ts"]
  static let photoExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "bmp"]
}

/// The phone's MediaStore: the index of photos and videos that gallery pickers read. A file
/// pushed with `adb push` is not in it until something scans it, as on a real phone
/// (``MediaScannerReceiver``: `am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file://…`).
public final class MediaStore: Sendable {
  private let state = Mutex<(entries: [String: MediaStoreEntry], nextSequence: Int)>(([:], 1))

  /// Creates an empty store.
  public init() {}

  /// Every entry, newest first.
  public var entries: [MediaStoreEntry] {
    state.withLock { $0.entries.values.sorted { $0.sequence > $1.sequence } }
  }

  /// Indexes a file (again), making it the newest entry.
  public func insert(path: String, kind: MediaStoreEntry.Kind, size: UInt64) {
    state.withLock { state in
      state.entries[path] = MediaStoreEntry(path: path, kind: kind, size: size, sequence: state.nextSequence)
      state.nextSequence += 1
    }
  }

  /// Forgets a file (a scan found it gone).
  public func remove(path: String) {
    _ = state.withLock { $0.entries.removeValue(forKey: path) }
  }
}
