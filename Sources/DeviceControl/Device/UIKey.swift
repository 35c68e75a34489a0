/// Android key codes for `input keyevent` (`android.view.KeyEvent`).
public struct UIKey: Hashable, Sendable, CustomStringConvertible {
  /// The numeric key code.
  public var code: Int
  /// A readable name for messages.
  public var name: String

  /// A key by code.
  public init(code: Int, name: String) {
    self.code = code
    self.name = name
  }

  /// KEYCODE_BACK.
  public static let back = UIKey(code: 4, name: "BACK")
  /// KEYCODE_HOME.
  public static let home = UIKey(code: 3, name: "HOME")
  /// KEYCODE_ENTER.
  public static let enter = UIKey(code: 66, name: "ENTER")
  /// KEYCODE_DEL (backspace).
  public static let delete = UIKey(code: 67, name: "DEL")
  /// KEYCODE_TAB.
  public static let tab = UIKey(code: 61, name: "TAB")
  /// KEYCODE_APP_SWITCH (recent apps).
  public static let appSwitch = UIKey(code: 187, name: "APP_SWITCH")
  /// KEYCODE_WAKEUP.
  public static let wakeUp = UIKey(code: 224, name: "WAKEUP")
  /// KEYCODE_MOVE_END: to the end of a text field (then DELs clear it).
  public static let moveEnd = UIKey(code: 123, name: "MOVE_END")

  public var description: String { name }
}
