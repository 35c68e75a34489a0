import Synchronization

extension PhoneFileSystem {
  /// A file system laid out like an Android 13 phone seen from `adb shell`.
  ///
  /// - /sdcard → /storage/self/primary → /storage/emulated/0, emulated storage owned by
  ///   root:sdcard_rw with DCIM, Download, Pictures, Movies, Music, Documents, Android …
  /// - /data (not listable by shell) and /data/local/tmp (shell's scratch space)
  /// - read-only / and /system (bin, etc, build.prop), /proc (version, cpuinfo, meminfo)
  /// - /dev/null, which swallows writes and reads as empty
  /// - Parameter clock: the time stamped on changes, in Unix seconds.
  /// - Returns: the populated file system.
  public static func androidLayout(clock: @escaping @Sendable () -> Int64 = PhoneFileSystem.wallClock)
    -> PhoneFileSystem
  {
    let fileSystem = PhoneFileSystem(clock: clock)
    let now = clock()
    fileSystem.tree.withLock { tree in
      var builder = LayoutBuilder(tree: tree, mtime: now)
      builder.build()
      tree = builder.tree
    }
    return fileSystem
  }
}

/// Installs the factory tree with root's privileges, without the shell user's checks.
private struct LayoutBuilder {
  var tree: FileTree
  let mtime: Int64

  // Android's AID_* values (system/core/libcutils/include/private/android_filesystem_config.h).
  static let root: UInt32 = 0
  static let system: UInt32 = 1000
  static let shell: UInt32 = 2000
  static let sdcardRW: UInt32 = 1015

  /// toybox and toolbox commands that /system/bin holds on a phone.
  static let systemBinaries = [
    "am", "app_process", "cat", "cmd", "cp", "date", "dumpsys", "echo", "getprop", "grep", "head", "id",
    "ime", "input", "log", "logcat", "ls", "mkdir", "monkey", "mv", "pm", "reboot", "rm", "screencap",
    "setprop", "settings", "sh", "sleep", "stat", "tail", "toybox", "touch", "uiautomator", "uname",
    "wc", "which", "whoami", "wm",
  ]

  static let buildProp = """
    # begin common build properties
    ro.build.version.sdk=33
    ro.build.version.release=13
    ro.build.type=user
    ro.build.tags=release-keys
    ro.product.cpu.abi=arm64-v8a
    ro.secure=1
    ro.debuggable=0
    # end common build properties

    """

  mutating func build() {
    tree.credentials = FileCredentials(uid: 0, groups: [0])
    tree[FileTree.rootInode].readOnly = true
    directory("/system", readOnly: true)
    directory("/system/bin", gid: Self.shell, readOnly: true)
    for name in Self.systemBinaries {
      file("/system/bin/\(name)", Array("\u{7F}ELF".utf8), permissions: 0o755, gid: Self.shell, readOnly: true)
    }
    directory("/system/etc", readOnly: true)
    file("/system/etc/hosts", Array("127.0.0.1       localhost\n::1             ip6-localhost\n".utf8), readOnly: true)
    directory("/system/app", readOnly: true)
    directory("/system/priv-app", readOnly: true)
    directory("/system/framework", readOnly: true)
    file("/system/build.prop", Array(Self.buildProp.utf8), readOnly: true)
    symlink("/bin", "/system/bin")
    symlink("/etc", "/system/etc")
    directory("/vendor", readOnly: true)
    directory("/product", readOnly: true)

    directory("/proc", permissions: 0o555, readOnly: true)
    file(
      "/proc/version",
      Array("Linux version 5.10.149-android13-4-00003-g05231a35ff43 (build-user@build-host) #1 SMP PREEMPT\n".utf8),
      readOnly: true)
    file(
      "/proc/cpuinfo",
      Array(
        "processor\t: 0\nBogoMIPS\t: 38.40\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32\nCPU implementer\t: 0x41\n\n"
          .utf8), readOnly: true)
    file(
      "/proc/meminfo",
      Array("MemTotal:        7801244 kB\nMemFree:          812340 kB\nMemAvailable:    3702412 kB\n".utf8),
      readOnly: true)

    directory("/dev")
    install(
      "/dev/null", .nullDevice, permissions: 0o666, uid: Self.root, gid: Self.root, readOnly: false, emulated: false)

    directory("/data", permissions: 0o771, uid: Self.system, gid: Self.system)
    directory("/data/local", permissions: 0o751)
    directory("/data/local/tmp", permissions: 0o771, uid: Self.shell, gid: Self.shell)
    directory("/mnt", gid: Self.system)

    directory("/storage", permissions: 0o755)
    directory("/storage/emulated", permissions: 0o711, gid: Self.sdcardRW)
    install(
      "/storage/emulated/0", .directory([:]), permissions: 0o771, uid: Self.root, gid: Self.sdcardRW,
      readOnly: false, emulated: true)
    directory("/storage/self")
    symlink("/storage/self/primary", "/storage/emulated/0")
    symlink("/sdcard", "/storage/self/primary")
    for name in [
      "Alarms", "Android", "Android/data", "Android/media", "Android/obb", "Audiobooks", "DCIM", "DCIM/Camera",
      "Documents", "Download", "Movies", "Music", "Notifications", "Pictures", "Podcasts", "Recordings", "Ringtones",
    ] {
      install(
        "/storage/emulated/0/\(name)", .directory([:]), permissions: 0o771, uid: Self.root, gid: Self.sdcardRW,
        readOnly: false, emulated: true)
    }
    tree.credentials = .shell
  }

  mutating func directory(
    _ path: String, permissions: UInt32 = 0o755, uid: UInt32 = root, gid: UInt32 = root, readOnly: Bool = false
  ) {
    install(path, .directory([:]), permissions: permissions, uid: uid, gid: gid, readOnly: readOnly, emulated: false)
  }

  mutating func file(
    _ path: String, _ bytes: [UInt8], permissions: UInt32 = 0o644, gid: UInt32 = root, readOnly: Bool
  ) {
    install(path, .file(bytes), permissions: permissions, uid: Self.root, gid: gid, readOnly: readOnly, emulated: false)
  }

  mutating func symlink(_ path: String, _ target: String) {
    install(
      path, .symlink(target), permissions: 0o777, uid: Self.root, gid: Self.root, readOnly: false, emulated: false)
  }

  mutating func install(
    _ path: String, _ content: FileNode.Content, permissions: UInt32, uid: UInt32, gid: UInt32, readOnly: Bool,
    emulated: Bool
  ) {
    // The factory paths are constants, so a failure here is a bug in this table.
    guard let (parent, name) = try? tree.resolveParent(path) else { preconditionFailure("bad layout path \(path)") }
    let node = FileNode(
      content: content, permissions: permissions, uid: uid, gid: gid, mtime: mtime, readOnly: readOnly,
      emulatedStorage: emulated)
    _ = tree.insert(node, named: name, into: parent.inode, mtime: mtime)
  }
}
