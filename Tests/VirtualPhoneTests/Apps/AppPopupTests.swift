import Testing

@testable import VirtualPhone

/// Pop-ups over the test app: shown by a test or drawn from the app's seeded policy; they take
/// every touch until a button or BACK dismisses them.
@Suite struct AppPopupTests {
  let phone = VirtualPhone.withTestApp()

  @Test func aDialogCoversTheAppUntilItsButtonDismissesIt() throws {
    try phone.testApp.showPopup(.updateAvailable(appLabel: TestApp.label))
    let dialog = DumpedScreen(phone)
    #expect(dialog.node(id: "android:id/alertTitle")?.text == "Update available")
    #expect(dialog.node(id: "android:id/message")?.text.hasPrefix("A new version of DroidMatrix Test") == true)
    #expect(dialog.node(id: "android:id/button2")?.text == "Not now")
    #expect(dialog.node(id: "android:id/button1")?.text == "Update")
    #expect(dialog.node(id: "item_list") == nil)  // the dump reads the dialog's window only
    #expect(dialog.nodes.first?.package == TestApp.package)

    // The screen below does not react: not to taps, swipes, text or keys.
    _ = phone.runShell("input tap 540 1000; input swipe 540 2000 540 1000; input text hi; input keyevent ENTER")
    #expect(try phone.testApp.popup != nil)
    #expect(try phone.testApp.state.flags.isEmpty)
    try phone.tap(dialog.node(text: "Not now"))
    let home = DumpedScreen(phone)
    #expect(home.node(id: "item_list") != nil)
    #expect(home.all(id: "item_title").first?.text == "Item 1")
    #expect(try !phone.testApp.state.isOn("update_requested"))
  }

  @Test func backDismissesACancelableDialogAndTheAppStaysInFront() throws {
    try phone.testApp.showPopup(.updateAvailable(appLabel: TestApp.label))
    _ = phone.runShell("input keyevent KEYCODE_BACK")
    #expect(try phone.testApp.popup == nil)
    #expect(phone.system.foregroundActivity.package == TestApp.package)
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
  }

  @Test func backDoesNotDismissADialogThatIsNotCancelable() throws {
    var forced = AppPopup.updateAvailable(appLabel: TestApp.label)
    forced.isCancelable = false
    try phone.testApp.showPopup(forced)
    _ = phone.runShell("input keyevent KEYCODE_BACK")
    #expect(try phone.testApp.popup != nil)
    try phone.tap(DumpedScreen(phone).node(text: "Update"))
    #expect(try phone.testApp.popup == nil)
    #expect(try phone.testApp.state.isOn("update_requested"))
  }

  @Test func aPermissionRequestIsThePermissionControllersWindow() throws {
    try phone.testApp.showPopup(.permission(appLabel: TestApp.label, request: "send you notifications"))
    let request = DumpedScreen(phone)
    #expect(request.nodes.first?.package == "com.google.android.permissioncontroller")
    let message = "com.android.permissioncontroller:id/permission_message"
    #expect(request.node(id: message)?.text == "Allow DroidMatrix Test to send you notifications?")
    let deny = try #require(request.node(id: "com.android.permissioncontroller:id/permission_deny_button"))
    #expect(deny.text == "Don\u{2019}t allow")
    let allow = try #require(request.node(id: "com.android.permissioncontroller:id/permission_allow_button"))
    #expect(allow.bounds.bottom <= deny.bounds.top)  // "Allow" above "Don’t allow", as on Android 13
    try phone.tap(allow)
    #expect(try phone.testApp.state.isOn("permission:send you notifications"))
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
  }

  /// Opens and closes the details screen `steps` times, dismissing pop-ups with BACK, and
  /// returns after which screen changes a pop-up showed.
  static func popupLog(serial: String, seed: UInt64, steps: Int = 20) throws -> [Bool] {
    let phone = VirtualPhone.withTestApp(model: TestApp.model(popupChance: 0.3, seed: seed), serial: serial)
    var log: [Bool] = []
    for step in 0..<(steps * 2) {
      if try phone.testApp.popup != nil { _ = phone.runShell("input keyevent BACK") }
      if step.isMultiple(of: 2) {
        try phone.tap(DumpedScreen(phone).node(id: "open_details"))
      } else {
        _ = phone.runShell("input keyevent BACK")
      }
      log.append(try phone.testApp.popup != nil)
    }
    return log
  }

  @Test func seededPopupsAppearAtTheSameStepsOnEveryRun() throws {
    let first = try Self.popupLog(serial: "vphone-a", seed: 7)
    #expect(first.contains(true) && first.contains(false))
    #expect(try Self.popupLog(serial: "vphone-a", seed: 7) == first)
    let others = try [("vphone-a", 8), ("vphone-b", 7), ("vphone-c", 7)].map {
      try Self.popupLog(serial: $0, seed: UInt64($1))
    }
    #expect(others.contains { $0 != first })
  }

  @Test func aSeededPopupOnLaunchIsDismissedByItsButton() throws {
    // With a chance of 1 the cold start always brings one of the two pop-ups.
    let phone = VirtualPhone.withTestApp(model: TestApp.model(popupChance: 1, seed: 3))
    let screen = DumpedScreen(phone)
    let button =
      screen.node(id: "android:id/button2")
      ?? screen.node(id: "com.android.permissioncontroller:id/permission_deny_button")
    try phone.tap(button)
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
  }
}
