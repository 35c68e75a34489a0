import Testing

@testable import VirtualPhone

/// `am start -a android.intent.action.VIEW -d URL` routed through the app's deep links.
@Suite struct TestAppDeepLinkTests {
  @Test(arguments: [
    ("droidmatrix://item/{n}", "droidmatrix://item/7", ["n": "7"]),
    ("droidmatrix://item/{n}", "droidmatrix://item/7/?utm=x#top", ["n": "7"]),
    (
      "https://www.tiktok.com/@{user}/video/{id}", "https://www.tiktok.com/@alice/video/123",
      ["user": "alice", "id": "123"]
    ),
    ("droidmatrix://details", "droidmatrix://details", [:]),
  ])
  func patternsCaptureTheirPlaceholders(pattern: String, url: String, parameters: [String: String]) {
    #expect(AppDeepLink(pattern, screen: "s").match(url) == parameters)
  }

  @Test(arguments: [
    ("droidmatrix://item/{n}", "droidmatrix://item/"), ("droidmatrix://item/{n}", "droidmatrix://item/7/more"),
    ("https://www.tiktok.com/@{user}", "https://www.tiktok.com/alice"), ("droidmatrix://details", "droidmatrix://x"),
  ])
  func patternsRejectOtherURLs(pattern: String, url: String) {
    #expect(AppDeepLink(pattern, screen: "s").match(url) == nil)
  }

  @Test func aDeepLinkOpensItsScreenOnTopOfTheRunningApp() throws {
    let phone = VirtualPhone.withTestApp()
    let result = phone.runShell(
      "am start -W -a android.intent.action.VIEW -d droidmatrix://item/7 com.droidmatrix.testapp")
    #expect(result.exitStatus == 0)
    #expect(result.stdoutText.contains("Status: ok"))
    #expect(DumpedScreen(phone).node(id: "item_detail_title")?.text == "Item 7")
    _ = phone.runShell("input keyevent KEYCODE_BACK")
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
  }

  @Test func aColdDeepLinkStartsTheAppWithItsHomeScreenBelow() throws {
    let phone = VirtualPhone(configuration: .init(uiautomatorDump: .instant, apps: [.testApp]))
    #expect(phone.runShell("am start -a android.intent.action.VIEW -d droidmatrix://item/12").exitStatus == 0)
    #expect(phone.system.foregroundActivity.package == TestApp.package)
    #expect(DumpedScreen(phone).node(id: "item_detail_title")?.text == "Item 12")
    _ = phone.runShell("input keyevent 4")
    #expect(DumpedScreen(phone).node(id: "item_list") != nil)
    _ = phone.runShell("input keyevent 4")
    #expect(phone.system.foregroundActivity == PhoneSystem.launcherActivity)
  }

  @Test func aDeepLinkToAMissingItemShowsNotFound() throws {
    let phone = VirtualPhone.withTestApp()
    _ = phone.runShell("am start -a android.intent.action.VIEW -d droidmatrix://item/99 com.droidmatrix.testapp")
    #expect(DumpedScreen(phone).node(id: "not_found")?.text == "Item not found")
    _ = phone.runShell("am start -a android.intent.action.VIEW -d droidmatrix://details com.droidmatrix.testapp")
    #expect(DumpedScreen(phone).node(id: "play_button") != nil)
  }

  @Test func aURLNoAppDeclaresDoesNotResolve() {
    let phone = VirtualPhone.withTestApp()
    let result = phone.runShell("am start -a android.intent.action.VIEW -d droidmatrix://nowhere")
    #expect(result.exitStatus == 1)
    #expect(result.stderrText.contains("unable to resolve Intent"))
  }
}
