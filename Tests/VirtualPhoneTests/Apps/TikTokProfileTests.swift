import Testing

@testable import VirtualPhone

/// Another user's profile, opened by deep link: counts, Follow ↔ Following, the follower and
/// following lists, a missing account, and a direct message.
@Suite struct TikTokProfileTests {
  let tiktok = TikTokPhone()
  let user = TikTokWorld.user("jennyjp2020")!

  @Test func aProfileDeepLinkShowsTheUsersCountsAndButtons() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    let profile = tiktok.dump()
    #expect(profile.node(text: "@jennyjp2020") != nil)
    #expect(profile.node(text: user.nickname) != nil)
    #expect(profile.node(description: "Back to previous screen")?.className == "android.widget.Button")
    for (label, count) in [("Following", user.following), ("Followers", user.followers), ("Likes", user.likes)] {
      // The number is the label's sibling, before it, inside one clickable LinearLayout.
      let labelIndex = try #require(
        profile.nodes.firstIndex { $0.text == label && $0.className == "android.widget.TextView" })
      #expect(profile.nodes[labelIndex - 1].text == TikTokWorld.formatCount(count), "\(label)")
      #expect(profile.nodes[labelIndex - 2].isClickable)
    }
    #expect(profile.node(text: "Follow")?.className == "android.widget.Button")
    #expect(profile.node(text: "Message")?.className == "android.widget.Button")
    #expect(profile.node(description: "Video 1") != nil)
    #expect(profile.node(description: "Home") == nil)
    #expect(try tiktok.state().screen == "profile")
  }

  @Test func followBecomesFollowingAndATapOnFollowingUnfollowsAtOnce() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Follow")
    let followed = tiktok.dump()
    // The count's label comes first in the dump; the button is the Button with that text.
    #expect(followed.nodes.contains { $0.text == "Following" && $0.className == "android.widget.Button" })
    #expect(followed.node(text: "Follow") == nil)
    let followers = try #require(followed.nodes.firstIndex { $0.text == "Followers" })
    #expect(followed.nodes[followers - 1].text == TikTokWorld.formatCount(user.followers + 1))
    #expect(try tiktok.state().current.follows == ["jennyjp2020"])
    try tiktok.tap(tiktok.dump().nodes.first { $0.text == "Following" && $0.className == "android.widget.Button" })
    #expect(tiktok.dump().node(text: "Follow") != nil)
    #expect(try tiktok.state().current.follows.isEmpty)
  }

  @Test func theFollowersListIsCappedAndEnds() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Follow")
    try tiktok.tap(text: "Followers")
    let list = tiktok.dump()
    #expect(list.node(text: "Followers") != nil)
    let handles = TikTokUI.listHandles(
      try #require(tiktok.engine.state.store[TikTokStore.self]), of: "jennyjp2020", kind: "Followers")
    #expect(handles.count == min(TikTokWorld.listLimit, user.followers + 1))
    #expect(handles.first == "vphone1")  // the account that just followed comes first
    #expect(list.node(text: "@vphone1") != nil)
    // Scroll to the end: the last row shows, and scrolling further changes nothing.
    var previous: [String] = []
    for _ in 0..<60 {
      tiktok.sh("input swipe 540 2000 540 400 1000")
      let texts = tiktok.dump().texts
      if texts == previous { break }
      previous = texts
    }
    #expect(previous.contains("@\(handles.last!)"))
    try tiktok.tap(tiktok.dump().node(text: "@\(handles.last!)"))
    #expect(tiktok.dump().node(text: "@\(handles.last!)") != nil)
    #expect(tiktok.dump().node(text: "Message") != nil)
  }

  @Test func theFollowingListOpensFromItsLabel() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Following")
    let list = tiktok.dump()
    let expected = TikTokWorld.listHandles(of: "jennyjp2020", kind: "Following", count: user.following)
    #expect(list.nodes.contains { $0.text == "Following" })
    #expect(list.node(text: "@\(expected[0])") != nil)
    #expect(list.node(text: TikTokUser(handle: expected[0]).nickname) != nil)
  }

  @Test(arguments: ["ghost_user", "ghostly42"])
  func aGhostHandleIsNotFound(handle: String) throws {
    tiktok.open("https://www.tiktok.com/@\(handle)")
    let screen = tiktok.dump()
    #expect(screen.node(text: "Couldn't find this account") != nil)
    #expect(screen.node(text: "Follow") == nil)
  }

  @Test func aUserIDDeepLinkOpensTheProfile() throws {
    let pooled = TikTokWorld.poolHandle(321)
    tiktok.open("snssdk1233://user/profile/\(TikTokUser.uid(of: pooled))")
    #expect(tiktok.dump().node(text: "@\(pooled)") != nil)
    // A handle met before resolves too; an unknown uid does not.
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    tiktok.open("snssdk1233://user/profile/\(user.uid)", withPackage: false)
    #expect(tiktok.dump().node(text: "@jennyjp2020") != nil)
    tiktok.open("snssdk1233://user/profile/6000000000000000001")
    #expect(tiktok.dump().node(text: "Couldn't find this account") != nil)
  }

  @Test func backReturnsToTheFeed() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(description: "Back to previous screen")
    #expect(try tiktok.state().screen == "feed")
  }

  @Test func messageOpensAConversationAndSendsADirectMessage() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Message")
    var conversation = tiktok.dump()
    #expect(conversation.node(text: "@jennyjp2020") != nil)
    let input = try #require(conversation.nodes.first { $0.className == "android.widget.EditText" })
    #expect(input.text == "Send a message...")
    try tiktok.tap(input)
    tiktok.type("Hello there")
    try tiktok.tap(description: "Send")
    tiktok.type("Second")
    tiktok.sh("input keyevent KEYCODE_ENTER")
    conversation = tiktok.dump()
    #expect(conversation.node(text: "Hello there") != nil)
    #expect(conversation.node(text: "Second") != nil)
    #expect(conversation.nodes.first { $0.className == "android.widget.EditText" }?.text == "Send a message...")
    let state = try tiktok.state()
    #expect(
      state.current.messages == [
        .init(to: "jennyjp2020", text: "Hello there"), .init(to: "jennyjp2020", text: "Second"),
      ])
    #expect(state.screen == "conversation")
  }
}
