import Foundation

/// MediaProvider's scanner receiver: `am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE
/// -d file:///sdcard/DCIM/clip.mp4` indexes one photo or video in the phone's ``MediaStore``,
/// so gallery pickers list it. The extension decides video or photo; a path that is missing
/// (or a directory, or not media) is not indexed, and a scan of a deleted file drops its entry.
struct MediaScannerReceiver: BroadcastReceiver {
  /// Intent.ACTION_MEDIA_SCANNER_SCAN_FILE.
  static let action = "android.intent.action.MEDIA_SCANNER_SCAN_FILE"

  let fileSystem: PhoneFileSystem

  func receive(_ broadcast: Broadcast, on system: PhoneSystem) -> Int32? {
    guard broadcast.action == Self.action, let path = broadcast.data.flatMap(Self.path(ofFileURI:)) else { return nil }
    guard let kind = MediaStoreEntry.kind(ofFileNamed: path), let metadata = try? fileSystem.stat(path),
      metadata.kind == .file
    else {
      system.mediaStore.remove(path: path)
      return nil
    }
    system.mediaStore.insert(path: path, kind: kind, size: metadata.size)
    return nil
  }

  /// The path of a `file://` URI, percent-decoded; nil for other schemes.
  static func path(ofFileURI uri: String) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    let encoded = String(uri.dropFirst("file://".count))
    guard encoded.hasPrefix("/") else { return nil }
    return encoded.removingPercentEncoding ?? encoded
  }
}
