import Foundation
import TaskEngine

/// File name extensions of the media a script takes from a folder (matched ignoring case).
enum MediaExtensions {
  /// Videos TikTok's gallery lists.
  static let video: Set<String> = ["mp4", "mov", "m4v", "3gp", "webm", "mkv"]
  /// Images TikTok's gallery lists.
  static let image: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "gif", "bmp"]
}

extension ConfigReader {
  /// The optional file at `key`, which must exist on this computer (`~` expanded).
  /// - Throws: when the value is not a string, or names no file.
  func file(_ key: String) throws(ScriptConfigError) -> String? {
    guard let path = try nonEmptyString(key) else { return nil }
    return try Self.existingFile(path, field: field(key))
  }

  /// The optional folder at `key`, which must exist on this computer (`~` expanded).
  /// - Throws: when the value is not a string, or names no folder.
  func folder(_ key: String) throws(ScriptConfigError) -> String? {
    guard let path = try nonEmptyString(key) else { return nil }
    return try Self.existingFolder(path, field: field(key))
  }

  /// The files listed at `key` (a list, or one path per line), each of which must exist on
  /// this computer; errors name the element (`material_list[1]`). Nil when absent.
  /// - Throws: when the value has the wrong type or a path names no file.
  func files(_ key: String) throws(ScriptConfigError) -> [String]? {
    guard let items = try items(key, separators: .newlines) else { return nil }
    var paths: [String] = []
    for item in items { paths.append(try Self.existingFile(item.text, field: item.field)) }
    return paths
  }

  // MARK: - File system

  /// `path` with a leading `~` replaced by the home folder.
  static func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let home = FileManager.default.homeDirectoryForCurrentUser.path
    return home + path.dropFirst()
  }

  /// `path` (tilde expanded) when a file, not a folder, is there.
  /// - Throws: ``ScriptConfigError`` naming `field` and the path when there is none.
  static func existingFile(_ path: String, field: String) throws(ScriptConfigError) -> String {
    let expanded = expandingTilde(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
      throw ScriptConfigError(
        field: field, message: "no file at \(path.pathQuoted) on this computer; check the path")
    }
    guard !isFolder.boolValue else {
      throw ScriptConfigError(field: field, message: "\(path.pathQuoted) is a folder; give the path of a file")
    }
    return expanded
  }

  /// `path` (tilde expanded) when a folder is there.
  /// - Throws: ``ScriptConfigError`` naming `field` and the path when there is none.
  static func existingFolder(_ path: String, field: String) throws(ScriptConfigError) -> String {
    let expanded = expandingTilde(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isFolder) else {
      throw ScriptConfigError(
        field: field, message: "no folder at \(path.pathQuoted) on this computer; check the path")
    }
    guard isFolder.boolValue else {
      throw ScriptConfigError(field: field, message: "\(path.pathQuoted) is a file; give the path of a folder")
    }
    return expanded
  }

  /// The files directly in `folder` whose extension is one of `extensions`, sorted by name,
  /// hidden files left out.
  static func mediaFiles(in folder: String, extensions: Set<String>) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let base = URL(fileURLWithPath: folder, isDirectory: true)
    return names.filter { name in
      !name.hasPrefix(".") && extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased())
    }
    .sorted()
    .map { base.appendingPathComponent($0).path }
  }

  /// The media in `folder`, or an error naming `field` when it holds none of `extensions`.
  /// - Parameter kind: "video", "image": how the message names the media.
  static func requireMedia(in folder: String, extensions: Set<String>, kind: String, field: String)
    throws(ScriptConfigError) -> [String]
  {
    let files = mediaFiles(in: folder, extensions: extensions)
    guard !files.isEmpty else {
      let listed = extensions.sorted().joined(separator: ", ")
      throw ScriptConfigError(
        field: field, message: "the folder \(folder.pathQuoted) holds no \(kind) file (\(listed))")
    }
    return files
  }
}

extension String {
  /// The path in double quotes, whole: a message about a file must name it exactly.
  var pathQuoted: String { "\"\(self)\"" }
}
