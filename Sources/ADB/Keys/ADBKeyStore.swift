import Foundation

/// The keys a host offers in AUTH, found as Google's adb finds them (AOSP `client/auth.cpp`):
/// `$HOME/.android/adbkey` (generated, with `adbkey.pub`, when missing), then every key named by
/// `ADB_VENDOR_KEYS` — a colon-separated list of key files, or folders whose `*.adb_key` files
/// are keys.
public enum ADBKeyStore {
  /// The user's key file, `$HOME/.android/adbkey` (`$ANDROID_USER_HOME/adbkey` when set).
  public static func userKeyPath(environment: [String: String]) -> String {
    if let androidHome = environment["ANDROID_USER_HOME"], !androidHome.isEmpty { return androidHome + "/adbkey" }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return home + "/.android/adbkey"
  }

  /// The user's key, generated (mode 0600, with `adbkey.pub` beside it) when the file is missing.
  /// - Throws: ``ADBError/Code/localFileError`` naming the file that cannot be read or written.
  public static func userKey(environment: [String: String] = ProcessEnvironment.current) throws(ADBError) -> ADBKey {
    let path = userKeyPath(environment: environment)
    if FileManager.default.fileExists(atPath: path) { return try ADBKey(contentsOf: path) }
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
    } catch {
      throw ADBError(.localFileError, "cannot create \(directory)", underlying: error)
    }
    let key = try ADBKey.generate()
    try key.write(to: path)
    return key
  }

  /// The keys `ADB_VENDOR_KEYS` names, in order; unreadable entries are errors, not skipped, so a
  /// typo in the variable is seen.
  public static func vendorKeys(environment: [String: String] = ProcessEnvironment.current) throws(ADBError)
    -> [ADBKey]
  {
    guard let list = environment["ADB_VENDOR_KEYS"], !list.isEmpty else { return [] }
    var keys: [ADBKey] = []
    for entry in list.split(separator: ":").map(String.init) {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: entry, isDirectory: &isDirectory) else {
        throw ADBError(.localFileError, "ADB_VENDOR_KEYS names \(entry), which does not exist")
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: entry)) ?? []
        for name in names.sorted() where name.hasSuffix(".adb_key") {
          keys.append(try ADBKey(contentsOf: entry + "/" + name))
        }
      } else {
        keys.append(try ADBKey(contentsOf: entry))
      }
    }
    return keys
  }

  /// Every key to try in AUTH: the user's key first, then the vendor keys.
  public static func allKeys(environment: [String: String] = ProcessEnvironment.current) throws(ADBError)
    -> [ADBKey]
  {
    [try userKey(environment: environment)] + (try vendorKeys(environment: environment))
  }
}
