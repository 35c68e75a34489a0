/// One input event the phone received through `input` (or an IME), in the order it arrived.
public enum InputEvent: Sendable, Hashable {
  /// `input tap X Y`.
  case tap(x: Int, y: Int)
  /// `input swipe X1 Y1 X2 Y2 [ms]`; a tap-and-hold is a swipe that does not move.
  case swipe(x1: Int, y1: Int, x2: Int, y2: Int, durationMs: Int)
  /// `input text STRING` after Android's `%s` → space rule, or text an IME committed.
  case text(String)
  /// `input keyevent [--longpress] CODE` with the numeric Android key code.
  case keyEvent(code: Int, longPress: Bool)
  /// An IME emptied the focused field (ADBKeyBoard's `ADB_CLEAR_TEXT`).
  case clearText
  /// An IME performed an editor action on the focused field (ADBKeyBoard's `ADB_EDITOR_CODE`:
  /// EditorInfo's 2 go, 3 search, 4 send, 5 next, 6 done).
  case editorAction(code: Int)
}

/// Android key codes (android.view.KeyEvent) that the phone itself reacts to.
public enum KeyCode {
  /// `KEYCODE_HOME`.
  public static let home = 3
  /// `KEYCODE_BACK`.
  public static let back = 4
  /// `KEYCODE_ENTER`.
  public static let enter = 66
  /// `KEYCODE_DEL`.
  public static let delete = 67

  /// `KEYCODE_*` names that `input keyevent` accepts, with their codes (KeyEvent.java).
  public static let names: [String: Int] = [
    "KEYCODE_UNKNOWN": 0, "KEYCODE_SOFT_LEFT": 1, "KEYCODE_SOFT_RIGHT": 2, "KEYCODE_HOME": 3, "KEYCODE_BACK": 4,
    "KEYCODE_CALL": 5, "KEYCODE_ENDCALL": 6, "KEYCODE_0": 7, "KEYCODE_1": 8, "KEYCODE_2": 9, "KEYCODE_3": 10,
    "KEYCODE_4": 11, "KEYCODE_5": 12, "KEYCODE_6": 13, "KEYCODE_7": 14, "KEYCODE_8": 15, "KEYCODE_9": 16,
    "KEYCODE_STAR": 17, "KEYCODE_POUND": 18, "KEYCODE_DPAD_UP": 19, "KEYCODE_DPAD_DOWN": 20,
    "KEYCODE_DPAD_LEFT": 21, "KEYCODE_DPAD_RIGHT": 22, "KEYCODE_DPAD_CENTER": 23, "KEYCODE_VOLUME_UP": 24,
    "KEYCODE_VOLUME_DOWN": 25, "KEYCODE_POWER": 26, "KEYCODE_CAMERA": 27, "KEYCODE_CLEAR": 28,
    "KEYCODE_A": 29, "KEYCODE_B": 30, "KEYCODE_C": 31, "KEYCODE_D": 32, "KEYCODE_E": 33, "KEYCODE_F": 34,
    "KEYCODE_G": 35, "KEYCODE_H": 36, "KEYCODE_I": 37, "KEYCODE_J": 38, "KEYCODE_K": 39, "KEYCODE_L": 40,
    "KEYCODE_M": 41, "KEYCODE_N": 42, "KEYCODE_O": 43, "KEYCODE_P": 44, "KEYCODE_Q": 45, "KEYCODE_R": 46,
    "KEYCODE_S": 47, "KEYCODE_T": 48, "KEYCODE_U": 49, "KEYCODE_V": 50, "KEYCODE_W": 51, "KEYCODE_X": 52,
    "KEYCODE_Y": 53, "KEYCODE_Z": 54, "KEYCODE_COMMA": 55, "KEYCODE_PERIOD": 56, "KEYCODE_TAB": 61,
    "KEYCODE_SPACE": 62, "KEYCODE_ENTER": 66, "KEYCODE_DEL": 67, "KEYCODE_MENU": 82, "KEYCODE_SEARCH": 84,
    "KEYCODE_MEDIA_PLAY_PAUSE": 85, "KEYCODE_PAGE_UP": 92, "KEYCODE_PAGE_DOWN": 93, "KEYCODE_ESCAPE": 111,
    "KEYCODE_FORWARD_DEL": 112, "KEYCODE_MOVE_HOME": 122, "KEYCODE_MOVE_END": 123, "KEYCODE_VOLUME_MUTE": 164,
    "KEYCODE_APP_SWITCH": 187, "KEYCODE_SLEEP": 223, "KEYCODE_WAKEUP": 224,
  ]

  /// The code for a numeric argument, a `KEYCODE_` name, or a name without the prefix.
  public static func code(for argument: String) -> Int? {
    if let number = Int(argument), number >= 0 { return number }
    let upper = argument.uppercased()
    return names[upper] ?? names["KEYCODE_" + upper]
  }
}
