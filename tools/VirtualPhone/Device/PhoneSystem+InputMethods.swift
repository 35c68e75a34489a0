import Foundation
import Synchronization

extension PhoneSystem {
  /// The ADB keyboard's input method id.
  public static let adbKeyboardID = "com.android.adbkeyboard/.AdbIME"

  /// Every installed input method (`ime list -a -s`), as short component strings.
  public var installedInputMethods: [String] {
    state.withLock { state in
      state.packages.values.flatMap(\.inputMethods).map(\.shortString).sorted()
    }
  }

  /// Enabled input methods (`ime list -s`), from `secure enabled_input_methods`.
  public var enabledInputMethods: [String] {
    (setting(.secure, "enabled_input_methods") ?? "").split(separator: ":").map(String.init)
  }

  /// The selected input method, from `secure default_input_method`.
  public var selectedInputMethod: String? { setting(.secure, "default_input_method") }

  /// Enables an installed input method (`ime enable`).
  /// - Returns: nil when it is not installed, else whether it was already enabled.
  public func enableInputMethod(_ id: String) -> Bool? {
    guard let normalized = installedInputMethodID(id) else { return nil }
    let enabled = enabledInputMethods
    if enabled.contains(normalized) { return true }
    setSetting(.secure, "enabled_input_methods", to: (enabled + [normalized]).joined(separator: ":"))
    return false
  }

  /// Selects an installed input method (`ime set`), enabling it too.
  /// - Returns: false when it is not installed.
  public func selectInputMethod(_ id: String) -> Bool {
    guard let normalized = installedInputMethodID(id), enableInputMethod(normalized) != nil else { return false }
    setSetting(.secure, "default_input_method", to: normalized)
    return true
  }

  /// Installs the ADB keyboard app and its broadcast receiver (it is not there by default).
  public func installADBKeyboard() {
    guard package(named: Self.adbKeyboardPackage.name) == nil else { return }
    install(Self.adbKeyboardPackage)
    addBroadcastReceiver(ADBKeyboardReceiver())
  }

  /// The canonical short id of an installed IME given as `pkg/.Cls` or `pkg/full.Cls`.
  func installedInputMethodID(_ id: String) -> String? {
    guard let component = ComponentName(parsing: id) else { return nil }
    return installedInputMethods.contains(component.shortString) ? component.shortString : nil
  }
}

/// ADBKeyBoard's receiver: when it is the selected IME, its broadcasts type text into the
/// focused field (github.com/senzhk/ADBKeyBoard, AdbIME.java).
struct ADBKeyboardReceiver: BroadcastReceiver {
  func receive(_ broadcast: Broadcast, on system: PhoneSystem) -> Int32? {
    guard system.selectedInputMethod == PhoneSystem.adbKeyboardID, let action = broadcast.action else { return nil }
    switch action {
    case "ADB_INPUT_B64":
      guard let message = broadcast.string("msg"), let data = Data(base64Encoded: message) else { return nil }
      system.inject(.text(String(decoding: data, as: UTF8.self)))
    case "ADB_INPUT_TEXT":
      guard let message = broadcast.string("msg") else { return nil }
      system.inject(.text(message))
    case "ADB_INPUT_CHARS":
      guard case .intArray(let codes) = broadcast.extras["chars"] else { return nil }
      system.inject(
        .text(String(String.UnicodeScalarView(codes.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))))
    case "ADB_INPUT_CODE":
      guard let code = broadcast.int("code") else { return nil }
      system.inject(.keyEvent(code: Int(code), longPress: false))
    case "ADB_CLEAR_TEXT":
      system.inject(.clearText)
    case "ADB_EDITOR_CODE":
      guard let code = broadcast.int("code") else { return nil }
      system.inject(.editorAction(code: Int(code)))
    default:
      return nil
    }
    return 0
  }
}
