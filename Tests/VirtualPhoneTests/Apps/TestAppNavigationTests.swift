import Testing

@testable import VirtualPhone

/// The test app driven through shell commands, read back through `uiautomator dump`: window
/// layout, hit-testing, toggles, the back stack and launches.
@Suite struct TestAppNavigationTests {
  let phone = VirtualPhone.withTestApp()

  @Test func monkeyStartsTheAppOnItsHomeScreenBelowTheStatusBar() throws {
    #expect(phone.system.foregroundActivity.shortString == "com.droidmatrix.testapp/.MainActivity")
    let screen = DumpedScreen(phone)
    let root = try #require(screen.nodes.first)
    #expect(root.bounds == UIRect(left: 0, top: 0, right: 1080, bottom: 2400))
    #expect(root.package == TestApp.package)
    let content = try #require(screen.node(id: "android:id/content"))
    #expect(content.bounds == UIRect(left: 0, top: 63, right: 1080, bottom: 2274))  // 24 dp and 48 dp bars at 420 dpi
    #expect(screen.node(id: "android:id/statusBarBackground")?.bounds.bottom == 63)
    #expect(screen.node(id: "toolbar")?.bounds.top == 63)
    #expect(screen.node(text: "DroidMatrix Test") != nil)
    let follow = try #require(screen.node(id: "follow_button"))
    #expect(follow.className == "android.widget.Button")
    #expect(follow.text == "Follow" && follow.isClickable && !follow.isSelected)
    #expect(screen.node(id: "message_input")?.className == "android.widget.EditText")
    #expect(screen.node(id: "item_list")?.className == "androidx.recyclerview.widget.RecyclerView")
  }

  @Test func aTapOnALabelInsideAClickableRowOpensTheRow() throws {
    try phone.tap(DumpedScreen(phone).node(text: "Item 3"))
    let item = DumpedScreen(phone)
    #expect(item.node(id: "item_detail_title")?.text == "Item 3")
    #expect(item.node(id: "item_detail_body")?.text == "This is item 3 of 30.")
    #expect(item.node(description: "Navigate up")?.isClickable == true)
    #expect(item.node(id: "item_list") == nil)
  }

  @Test func theDeepestClickableViewWinsOverItsClickableRow() throws {
    try phone.tap(DumpedScreen(phone).node(description: "Like Item 2"))
    let screen = DumpedScreen(phone)
    #expect(screen.node(id: "item_list") != nil)  // still on the list: the heart took the tap
    #expect(screen.node(description: "Like Item 2")?.isSelected == true)
    #expect(screen.node(description: "Like Item 1")?.isSelected == false)
    // The item screen's Like button shares the flag.
    try phone.tap(screen.node(text: "Item 2"))
    let item = DumpedScreen(phone)
    #expect(item.node(id: "like_button")?.text == "Liked")
    #expect(item.node(id: "like_button")?.isSelected == true)
  }

  @Test func togglesFlipTheirTextAndState() throws {
    try phone.tap(DumpedScreen(phone).node(id: "follow_button"))
    var screen = DumpedScreen(phone)
    #expect(screen.node(id: "follow_button")?.text == "Following")
    #expect(screen.node(id: "follow_button")?.isSelected == true)
    try phone.tap(screen.node(id: "notifications_checkbox"))
    screen = DumpedScreen(phone)
    #expect(screen.node(id: "notifications_checkbox")?.isChecked == true)
    #expect(screen.node(id: "notifications_checkbox")?.flag("checkable") == true)
    try phone.tap(screen.node(id: "follow_button"))
    #expect(DumpedScreen(phone).node(id: "follow_button")?.text == "Follow")
  }

  @Test func aTapOnNothingClickableChangesNothing() throws {
    let before = phone.runShell("uiautomator dump /dev/tty").stdoutText
    _ = phone.runShell("input tap 540 40")  // the status bar
    _ = phone.runShell("input tap 540 800")  // between the sent messages
    #expect(phone.runShell("uiautomator dump /dev/tty").stdoutText == before)
  }

  @Test func backPopsTheStackThenLeavesTheAppWhichKeepsItsStateUntilKilled() throws {
    try phone.tap(DumpedScreen(phone).node(id: "follow_button"))
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    #expect(DumpedScreen(phone).node(text: "Details") != nil)
    try phone.tap(DumpedScreen(phone).node(description: "Navigate up"))
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    _ = phone.runShell("input keyevent KEYCODE_BACK")
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
    _ = phone.runShell("input keyevent 4")
    #expect(phone.system.foregroundActivity == PhoneSystem.launcherActivity)

    // A warm start resumes the app as it was; a cold one begins afresh.
    _ = phone.runShell("monkey -p com.droidmatrix.testapp -c android.intent.category.LAUNCHER 1")
    #expect(DumpedScreen(phone).node(id: "follow_button")?.text == "Following")
    _ = phone.runShell("am force-stop com.droidmatrix.testapp")
    _ = phone.runShell("monkey -p com.droidmatrix.testapp -c android.intent.category.LAUNCHER 1")
    #expect(DumpedScreen(phone).node(id: "follow_button")?.text == "Follow")
  }

  @Test func theLauncherShowsTheAppAndStartsIt() throws {
    _ = phone.runShell("input keyevent KEYCODE_HOME")
    try phone.tap(DumpedScreen(phone).node(description: TestApp.label))
    #expect(phone.system.foregroundActivity.package == TestApp.package)
    #expect(phone.runShell("pm list packages -3").stdoutText == "package:com.droidmatrix.testapp\n")
  }

  @Test func aLongPressPinsARowAndAShortOneOpensIt() throws {
    let row = try #require(DumpedScreen(phone).node(text: "Item 4"))
    _ = phone.runShell("input swipe \(row.center.x) \(row.center.y) \(row.center.x + 3) \(row.center.y) 800")
    let screen = DumpedScreen(phone)
    #expect(screen.all(id: "item_subtitle")[3].text == "Pinned")
    #expect(screen.node(id: "item_list") != nil)
    _ = phone.runShell("input swipe \(row.center.x) \(row.center.y) \(row.center.x) \(row.center.y) 100")
    #expect(DumpedScreen(phone).node(id: "item_detail_title")?.text == "Item 4")
  }

  @Test func aHorizontalSwipeRunsTheViewsSwipeAction() throws {
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    _ = phone.runShell("input swipe 900 1500 200 1500 200")
    _ = phone.runShell("input swipe 900 1500 200 1500 200")
    #expect(DumpedScreen(phone).node(id: "page_title")?.text == "Page 3")
    _ = phone.runShell("input swipe 200 1500 900 1500 200")
    #expect(DumpedScreen(phone).node(id: "page_title")?.text == "Page 2")
  }
}
