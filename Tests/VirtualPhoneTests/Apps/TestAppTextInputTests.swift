import Foundation
import Testing

@testable import VirtualPhone

/// Text into the focused field: `input text` for what the virtual keyboard can type, the ADB
/// keyboard for everything else, and keys that edit and submit.
@Suite struct TestAppTextInputTests {
  let phone = VirtualPhone.withTestApp()

  func focusMessageField() throws {
    try phone.tap(DumpedScreen(phone).node(id: "message_input"))
  }

  var field: DumpedScreen.Node? { DumpedScreen(phone).node(id: "message_input") }

  @Test func anEmptyFieldShowsItsHintAndATapFocusesIt() throws {
    #expect(field?.text == TestApp.messageHint)
    #expect(field?.isFocused == false)
    #expect(DumpedScreen(phone).node(id: "send_button")?.isEnabled == false)
    try focusMessageField()
    #expect(field?.isFocused == true)
  }

  @Test func typedTextGoesToTheFocusedFieldAndEnterSendsIt() throws {
    _ = phone.runShell("input text ignored")  // nothing has focus yet
    #expect(field?.text == TestApp.messageHint)
    try focusMessageField()
    #expect(phone.runShell("input text 'hello%sworld'").exitStatus == 0)
    #expect(field?.text == "hello world")
    _ = phone.runShell("input keyevent KEYCODE_DEL KEYCODE_DEL")
    _ = phone.runShell("input keyevent KEYCODE_L KEYCODE_D 56")
    #expect(field?.text == "hello world.")
    #expect(DumpedScreen(phone).node(id: "send_button")?.isEnabled == true)
    _ = phone.runShell("input keyevent KEYCODE_ENTER")
    let screen = DumpedScreen(phone)
    #expect(screen.all(id: "sent_message").map(\.text) == ["hello world."])
    #expect(screen.node(id: "message_input")?.text == TestApp.messageHint)
  }

  @Test func theSendButtonSendsAndIsDisabledWhileTheFieldIsEmpty() throws {
    try phone.tap(DumpedScreen(phone).node(id: "send_button"))
    #expect(DumpedScreen(phone).all(id: "sent_message").isEmpty)
    try focusMessageField()
    for message in ["one", "two", "three", "four"] {
      _ = phone.runShell("input text \(message)")
      try phone.tap(DumpedScreen(phone).node(id: "send_button"))
    }
    #expect(DumpedScreen(phone).all(id: "sent_message").map(\.text) == ["two", "three", "four"])
    #expect(try phone.testApp.state.lists["sent"] == ["one", "two", "three", "four"])
  }

  @Test(arguments: ["😀", "你好", "caf\u{E9}", "Привет"])
  func inputTextRefusesWhatTheVirtualKeyboardCannotTypeAsAndroidDoes(text: String) throws {
    try focusMessageField()
    _ = phone.runShell("input text ok")
    phone.system.clearLogs()
    let result = phone.runShell("input text '\(text)'")
    #expect(result.exitStatus == 255)
    #expect(result.stdoutText.isEmpty)
    #expect(result.stderrText.hasPrefix("\nException occurred while executing 'text':\n"))
    #expect(result.stderrText.contains("java.lang.NullPointerException: Attempt to get length of null array"))
    #expect(phone.system.inputEvents.isEmpty)
    #expect(field?.text == "ok")
    // The source, when given, is what the command handler names.
    #expect(phone.runShell("input keyboard text '\(text)'").stderrText.contains("executing 'keyboard':"))
  }

  @Test func inputTextTypesWhatVirtualKcmMaps() throws {
    try focusMessageField()
    let typed = "Aa0 ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./\u{E7}\u{DF}"
    let quoted = "'" + typed.replacing("'", with: "'\\''") + "'"
    #expect(phone.runShell("input text \(quoted)").exitStatus == 0)
    #expect(field?.text == typed)
  }

  @Test func theADBKeyboardTypesAnyTextIntoTheFocusedFieldWhenSelected() throws {
    try focusMessageField()
    let message = "你好 🎉 café"
    let base64 = Data(message.utf8).base64EncodedString()
    phone.system.installADBKeyboard()
    _ = phone.runShell("am broadcast -a ADB_INPUT_B64 --es msg \(base64)")
    #expect(field?.text == TestApp.messageHint)  // installed but not selected: nothing typed
    _ = phone.runShell("ime enable com.android.adbkeyboard/.AdbIME && ime set com.android.adbkeyboard/.AdbIME")
    let result = phone.runShell("am broadcast -a ADB_INPUT_B64 --es msg \(base64)")
    #expect(result.stdoutText.hasSuffix("Broadcast completed: result=0\n"))
    #expect(field?.text == message)
    _ = phone.runShell("am broadcast -a ADB_INPUT_CODE --ei code 67")
    #expect(field?.text == "你好 🎉 caf")
    _ = phone.runShell("am broadcast -a ADB_CLEAR_TEXT")
    #expect(field?.text == TestApp.messageHint)
    _ = phone.runShell("am broadcast -a ADB_INPUT_B64 --es msg \(Data("👍".utf8).base64EncodedString())")
    _ = phone.runShell("am broadcast -a ADB_EDITOR_CODE --ei code 4")  // IME_ACTION_SEND
    #expect(DumpedScreen(phone).all(id: "sent_message").map(\.text) == ["👍"])
  }

  @Test func theFirstBackHidesTheKeyboardAndLeavingTheScreenDropsFocus() throws {
    try focusMessageField()
    #expect(try phone.testApp.state.isKeyboardShown)
    _ = phone.runShell("input keyevent BACK")
    #expect(phone.system.foregroundActivity.package == TestApp.package)
    #expect(try !phone.testApp.state.isKeyboardShown)
    #expect(field?.isFocused == true)
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    _ = phone.runShell("input text lost")  // no field has focus on the details screen
    _ = phone.runShell("input keyevent BACK")
    #expect(field?.isFocused == false)
    #expect(field?.text == TestApp.messageHint)
  }
}
