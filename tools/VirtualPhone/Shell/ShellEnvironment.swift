/// The state one shell invocation carries from command to command.
struct ShellEnvironment: Sendable {
  /// Shell variables (all exported).
  var variables: [String: String]
  /// The current directory, as `pwd` prints it (symlinks kept, like mksh's logical `cd`).
  var workingDirectory = "/"
  /// `$?`.
  var lastStatus: Int32 = 0
  /// Time the commands so far "took".
  var delay: Duration = .zero
  /// Set by `reboot`.
  var rebootRequested = false
  /// Set by `exit N`: nothing more runs.
  var exitRequested: Int32?

  /// What adbd's `shell` gets on an Android 13 phone (`adb shell env`).
  static let initial = ShellEnvironment(variables: [
    "PATH":
      "/product/bin:/apex/com.android.runtime/bin:/apex/com.android.art/bin:/system_ext/bin:/system/bin:/system/xbin:/odm/bin:/vendor/bin:/vendor/xbin",
    "HOME": "/", "SHELL": "/system/bin/sh", "USER": "shell", "LOGNAME": "shell", "HOSTNAME": "localhost",
    "TMPDIR": "/data/local/tmp", "ANDROID_DATA": "/data", "ANDROID_ROOT": "/system",
    "ANDROID_STORAGE": "/storage", "EXTERNAL_STORAGE": "/sdcard", "ASEC_MOUNTPOINT": "/mnt/asec",
    "BOOTCLASSPATH": "/apex/com.android.art/javalib/core-oj.jar", "PWD": "/",
  ])

  /// An absolute path for a command argument, relative to ``workingDirectory``.
  func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return workingDirectory == "/" ? "/" + path : workingDirectory + "/" + path
  }

  /// `$NAME` and the special parameters.
  func value(of name: String) -> String {
    switch name {
    case "?": String(lastStatus)
    case "$": "4242"  // the shell's pid; fixed so output stays deterministic
    case "#": "0"
    case "0": "/system/bin/sh"
    case "-": "hB"
    default: variables[name] ?? ""
    }
  }
}

/// Standard output and standard error of a command or a pipeline.
struct StreamPair: Sendable {
  var stdout: [UInt8] = []
  var stderr: [UInt8] = []
}
