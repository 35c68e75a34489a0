import Testing

@testable import VirtualPhone

/// Search: the field, the results' tabs, the Users tab to a profile, and a query nobody matches.
@Suite struct TikTokSearchTests {
  let tiktok = TikTokPhone()

  func search(_ query: String, submitWithEnter: Bool = true) throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Search")
    let page = tiktok.dump()
    let field = try #require(page.nodes.first { $0.className == "android.widget.EditText" })
    #expect(field.text == "Search")
    #expect(field.isFocused)  // the page opens with the keyboard up
    #expect(page.nodes.contains { $0.text == "Search" && $0.className == "android.widget.Button" })
    tiktok.type(query)
    if submitWithEnter {
      tiktok.sh("input keyevent KEYCODE_ENTER")
    } else {
      try tiktok.tap(page.nodes.first { $0.text == "Search" && $0.className == "android.widget.Button" })
    }
  }

  @Test(arguments: [true, false])
  func searchShowsResultTabsAndTheUsersTabOpensAProfile(submitWithEnter: Bool) throws {
    try search("jennyjp2020", submitWithEnter: submitWithEnter)
    let results = tiktok.dump()
    for tab in TikTokSearch.tabs { #expect(results.node(text: tab) != nil, "\(tab)") }
    #expect(results.node(text: "Top")?.isSelected == true)
    try tiktok.tap(text: "Users")
    let users = tiktok.dump()
    #expect(users.node(text: "Users")?.isSelected == true)
    #expect(users.node(text: "@jennyjp2020") != nil)
    #expect(users.node(text: TikTokUser(handle: "jennyjp2020").nickname) != nil)
    #expect(users.nodes.filter { $0.text == "Follow" && $0.className == "android.widget.Button" }.count >= 5)
    try tiktok.tap(text: "@jennyjp2020")
    let profile = tiktok.dump()
    #expect(profile.node(text: "Message") != nil)
    #expect(profile.node(text: "@jennyjp2020") != nil)
    let state = try tiktok.state()
    #expect(state.current.searches == ["jennyjp2020"])
    #expect(state.screen == "profile")
  }

  @Test func aResultRowsFollowButtonFollows() throws {
    try search("jennyjp2020")
    try tiktok.tap(text: "Users")
    let button = tiktok.dump().nodes.first { $0.text == "Follow" && $0.className == "android.widget.Button" }
    try tiktok.tap(button)
    #expect(try tiktok.state().current.follows == ["jennyjp2020"])
    #expect(tiktok.dump().nodes.contains { $0.text == "Following" && $0.className == "android.widget.Button" })
  }

  @Test func aGhostQueryFindsNothing() throws {
    try search("ghost_account")
    #expect(tiktok.dump().node(text: "No results found") != nil)
    try tiktok.tap(text: "Users")
    #expect(tiktok.dump().node(text: "No results found") != nil)
    #expect(try tiktok.state().current.searches == ["ghost_account"])
  }

  @Test func anEmptyQuerySearchesNothing() throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Search")
    tiktok.sh("input keyevent KEYCODE_ENTER")
    #expect(try tiktok.state().screen == "search")
    #expect(try tiktok.state().current.searches.isEmpty)
  }
}
