/// What `input text` can type. Android's InputShellCommand.sendText turns the text into key
/// events with the VIRTUAL_KEYBOARD key character map (`KeyCharacterMap.getEvents`), which
/// returns null when any character has no key in that map; `sendText` then reads the null
/// array's length and the command dies with a NullPointerException, typing nothing. So emoji,
/// CJK and precomposed accented letters cannot be typed this way; the ADB keyboard IME can.
enum VirtualKeyboard {
  /// Characters Virtual.kcm (frameworks/base `data/keyboards/Virtual.kcm`) produces beyond
  /// printable ASCII, tab and newline: its `alt` layer gives ç Ç ß and the combining grave,
  /// acute, circumflex, tilde and diaeresis.
  static let altCharacters: Set<UInt16> = [0x00E7, 0x00C7, 0x00DF, 0x0300, 0x0301, 0x0302, 0x0303, 0x0308]

  /// Whether every UTF-16 unit of `text` has a key (Java strings are UTF-16, so an emoji's
  /// surrogates fail one by one).
  static func canType(_ text: String) -> Bool {
    text.utf16.allSatisfy { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || altCharacters.contains($0) }
  }

  /// What `cmd input` prints on standard error when it cannot type the text, as an Android 13
  /// phone does (BasicShellCommandHandler.exec catches the exception; `cmd` then exits 255).
  /// - Parameter command: the command's first argument (`text`, or the input source if given).
  static func failure(command: String) -> String {
    """

    Exception occurred while executing '\(command)':
    java.lang.NullPointerException: Attempt to get length of null array
    \tat com.android.server.input.InputShellCommand.sendText(InputShellCommand.java:319)
    \tat com.android.server.input.InputShellCommand.runText(InputShellCommand.java:291)
    \tat com.android.server.input.InputShellCommand.onCommand(InputShellCommand.java:232)
    \tat com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)
    \tat android.os.ShellCommand.exec(ShellCommand.java:38)
    \tat com.android.server.input.InputManagerService.onShellCommand(InputManagerService.java:3297)
    \tat android.os.Binder.shellCommand(Binder.java:1068)
    \tat android.os.Binder.onTransact(Binder.java:888)
    \tat android.hardware.input.IInputManager$Stub.onTransact(IInputManager.java:1339)
    \tat android.os.Binder.execTransactInternal(Binder.java:1344)
    \tat android.os.Binder.execTransact(Binder.java:1275)

    """
  }

  /// `cmd`'s exit status when the shell command handler returned -1.
  static let failureStatus: Int32 = 255
}
