import Testing

@testable import VirtualPhone

/// TikTok's pop-ups: each one dismissed by its button or by BACK, and the seeded policy that
/// shows them by itself.
@Suite struct TikTokPopupTests {
  let tiktok = TikTokPhone()

  @Test(arguments: [
    ("Update available", "Not now"), ("Allow TikTok to access your contacts?", "Don\u{2019}t allow"),
    ("Follow your friends", "Not now"), ("Swipe up for more", "Got it"),
  ])
  func eachPopupIsDismissedByItsButton(label: String, button: String) throws {
    let popup = try #require(TikTok.popups.first { $0.title == label || $0.message == label })
    tiktok.engine.showPopup(popup)
    let dialog = tiktok.dump()  // the feed's video stops under a pop-up: the dump works
    #expect(dialog.node(text: label) != nil)
    #expect(dialog.node(descriptionPrefix: "Like video") == nil)
    #expect(try tiktok.state().screen == "dialog")
    try tiktok.tap(text: button)
    #expect(tiktok.engine.popup == nil)
    #expect(try tiktok.state().screen == "feed")
  }

  @Test(arguments: TikTok.popups.indices)
  func eachPopupIsDismissedByBack(index: Int) throws {
    tiktok.engine.showPopup(TikTok.popups[index])
    tiktok.sh("input keyevent KEYCODE_BACK")
    #expect(tiktok.engine.popup == nil)
    #expect(tiktok.phone.system.foregroundActivity.package == TikTok.package)
  }

  @Test func findFriendsIsTheConfirmButton() throws {
    tiktok.engine.showPopup(TikTok.followYourFriends)
    let dialog = tiktok.dump()
    #expect(dialog.node(id: "android:id/button1")?.text == "Find friends")
    #expect(dialog.node(id: "android:id/button2")?.text == "Not now")
    try tiktok.tap(text: "Find friends")
    #expect(tiktok.engine.state.isOn("find_friends_requested"))
  }

  @Test func thePolicyShowsPopupsAtTheSameStepsOnEveryRun() throws {
    func run() throws -> [String] {
      let phone = TikTokPhone(popupChance: 0.5, seed: 7)
      var seen: [String] = []
      for step in 0..<12 {
        phone.open(step % 2 == 0 ? "https://www.tiktok.com/@jennyjp2020" : "https://www.tiktok.com/@lucky.koala")
        if let popup = phone.engine.popup {
          seen.append("\(step): \(popup.title ?? popup.message)")
          phone.sh("input keyevent KEYCODE_BACK")
        }
      }
      return seen
    }
    let first = try run()
    #expect(!first.isEmpty)
    #expect(first.count < 12)
    #expect(try run() == first)
  }
}
