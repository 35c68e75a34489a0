/// A simulated Android phone: identity, file system, system state and shell.
///
/// One `VirtualPhone` is one device. Serve it over TCP with ``VirtualPhoneServer`` so that
/// Google's `adb connect` (or DroidMatrix's own transports) reach it like a real phone after
/// `adb tcpip`; tests of every layer also read and change its state directly.
///
/// ```swift
/// let phone = VirtualPhone(configuration: .init(serial: "vphone-1", model: "Pixel 7"))
/// let result = phone.runShell("echo hello")   // stdout "hello\n", exit status 0
/// ```
public final class VirtualPhone: Sendable {
  /// What the phone is: its identity and its behaviour in tests.
  public let configuration: Configuration
  /// The in-memory file system (/sdcard, /data/local/tmp, /system …).
  public let fileSystem: PhoneFileSystem
  /// Properties, settings, apps, input log, IME and screen: everything the shell reads or changes.
  public let system: PhoneSystem
  /// What hosts have sent the phone's services.
  public let traffic = PhoneTraffic()
  /// The `adb reverse` forwards hosts have set up, with their listeners.
  let reverseForwards = ReverseForwards()

  /// Creates a phone in its factory state.
  public init(configuration: Configuration = Configuration()) {
    self.configuration = configuration
    self.fileSystem = PhoneFileSystem.androidLayout()
    self.system = PhoneSystem(configuration: configuration)
    system.addBroadcastReceiver(MediaScannerReceiver(fileSystem: fileSystem))
  }

  /// Runs one command line in the phone's shell, as `sh -c` would on a device.
  /// - Parameters:
  ///   - commandLine: the text after `shell:` or `exec:`.
  ///   - stdin: bytes the host sent to the command's standard input.
  /// - Returns: what the command wrote and its exit status.
  public func runShell(_ commandLine: String, stdin: [UInt8] = []) -> ShellResult {
    ShellInterpreter(phone: self).run(commandLine, stdin: stdin)
  }
}
