/// How toybox prints modes and owners.
enum FileModeText {
  /// Android ids and their names (android_filesystem_config.h).
  static let names: [UInt32: String] = [
    0: "root", 1000: "system", 1004: "input", 1007: "log", 1011: "adb", 1015: "sdcard_rw", 1023: "media_rw",
    1028: "sdcard_r", 2000: "shell", 9997: "everybody",
  ]

  /// A user or group name, or the number when it has none.
  static func name(of id: UInt32) -> String { names[id] ?? String(id) }

  /// `drwxrwx--x`, `-rw-rw----`, `lrwxrwxrwx`, `crw-rw-rw-`, with s/t bits.
  static func describe(_ mode: UInt32) -> String {
    let type: Character =
      switch mode & PhoneFileSystem.Metadata.typeMask {
      case PhoneFileSystem.Metadata.directoryType: "d"
      case PhoneFileSystem.Metadata.symlinkType: "l"
      case PhoneFileSystem.Metadata.characterDeviceType: "c"
      default: "-"
      }
    var text = String(type)
    let letters: [Character] = ["r", "w", "x"]
    for shift in stride(from: 6, through: 0, by: -3) {
      for (bit, letter) in letters.enumerated() {
        text.append(mode >> (UInt32(shift) + 2 - UInt32(bit)) & 1 == 1 ? letter : "-")
      }
    }
    var characters = Array(text)
    if mode & 0o4000 != 0 { characters[3] = characters[3] == "x" ? "s" : "S" }
    if mode & 0o2000 != 0 { characters[6] = characters[6] == "x" ? "s" : "S" }
    if mode & 0o1000 != 0 { characters[9] = characters[9] == "x" ? "t" : "T" }
    return String(characters)
  }

  /// stat's `%F`.
  static func typeName(_ metadata: PhoneFileSystem.Metadata) -> String {
    switch metadata.mode & PhoneFileSystem.Metadata.typeMask {
    case PhoneFileSystem.Metadata.directoryType: "directory"
    case PhoneFileSystem.Metadata.symlinkType: "symbolic link"
    case PhoneFileSystem.Metadata.characterDeviceType: "character special file"
    default: metadata.size == 0 ? "regular empty file" : "regular file"
    }
  }

  /// 512-byte blocks a file occupies on a 4 KiB-block file system.
  static func blocks(_ metadata: PhoneFileSystem.Metadata) -> UInt64 {
    metadata.kind == .symlink ? 0 : (metadata.size + 4095) / 4096 * 8
  }
}
