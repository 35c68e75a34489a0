import Testing

@testable import VirtualPhone

/// The own profile, edit profile (name, bio, photo), the account switcher with several
/// logged-in accounts, and the inbox.
@Suite struct TikTokAccountTests {
  let tiktok = TikTokPhone(accounts: ["alice", "bob"])

  func openOwnProfile() throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Profile")
  }

  @Test func theOwnProfileShowsTheAccount() throws {
    try openOwnProfile()
    let profile = tiktok.dump()
    #expect(profile.node(text: "@alice") != nil)
    #expect(profile.node(description: "Switch account") != nil)
    #expect(profile.node(description: "Profile")?.isSelected == true)
    #expect(profile.node(description: "Home")?.isSelected == false)
    #expect(profile.node(text: "Edit profile")?.className == "android.widget.Button")
    for label in ["Following", "Followers", "Likes"] { #expect(profile.node(text: label) != nil) }
    #expect(profile.node(text: "Message") == nil)
    #expect(try tiktok.state().screen == "own_profile")
  }

  @Test func theAccountSwitcherSwitchesAccountsAndEachKeepsItsOwnData() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Follow")
    try tiktok.tap(description: "Back to previous screen")
    try openOwnProfile()
    try tiktok.tap(text: "@alice")
    let switcher = tiktok.dump()
    #expect(switcher.node(text: "Switch account") != nil)
    #expect(switcher.node(text: "Add account") != nil)
    let rows = switcher.nodes.filter { $0.flag("checkable") }
    #expect(rows.count == 2)
    #expect(rows.map(\.isChecked) == [true, false])
    #expect(try tiktok.state().screen == "account_switcher")
    try tiktok.tap(text: "@bob")
    #expect(tiktok.dump().node(text: "@bob") != nil)
    var state = try tiktok.state()
    #expect(state.currentAccount == "bob")
    #expect(state.screen == "own_profile")
    #expect(state.accounts["alice"]?.follows == ["jennyjp2020"])
    #expect(state.accounts["bob"]?.follows == [])
    // Back to alice with the Switch account button.
    try tiktok.tap(description: "Switch account")
    #expect(tiktok.dump().nodes.filter { $0.flag("checkable") }.map(\.isChecked) == [false, true])
    try tiktok.tap(text: "@alice")
    state = try tiktok.state()
    #expect(state.currentAccount == "alice")
  }

  @Test func editProfileChangesNameAndBio() throws {
    try openOwnProfile()
    try tiktok.tap(text: "Edit profile")
    let edit = tiktok.dump()
    for label in ["Name", "Username", "Bio", "Change photo"] { #expect(edit.node(text: label) != nil, "\(label)") }
    #expect(try tiktok.state().screen == "edit_profile")
    try tiktok.tap(text: "Name")
    let editor = tiktok.dump()
    let field = try #require(editor.nodes.first { $0.className == "android.widget.EditText" })
    #expect(field.text == "alice")
    #expect(field.isFocused)
    #expect(editor.node(text: "Save")?.className == "android.widget.Button")
    tiktok.sh("input keyevent KEYCODE_DEL KEYCODE_DEL KEYCODE_DEL KEYCODE_DEL KEYCODE_DEL")
    tiktok.type("Alice Doe")
    try tiktok.tap(text: "Save")
    #expect(tiktok.dump().node(text: "Alice Doe") != nil)
    try tiktok.tap(text: "Bio")
    tiktok.type("Travel and food")
    try tiktok.tap(text: "Save")
    #expect(tiktok.dump().node(text: "Travel and food") != nil)
    let profile = try tiktok.state().current.profile
    #expect(profile == .init(nickname: "Alice Doe", bio: "Travel and food", avatar: nil))
  }

  @Test func changePhotoPicksAnAvatarFromTheGallery() throws {
    tiktok.addMedia("/sdcard/Pictures/me.png")
    tiktok.addMedia("/sdcard/DCIM/clip.mp4")
    try openOwnProfile()
    try tiktok.tap(text: "Edit profile")
    try tiktok.tap(text: "Change photo")
    try tiktok.tap(text: "Select from gallery")
    let gallery = tiktok.dump()
    #expect(gallery.descriptions.filter { $0.hasPrefix("Photo") || $0.hasPrefix("Video") } == ["Photo 1"])
    try tiktok.tap(description: "Photo 1")
    let state = try tiktok.state()
    #expect(state.current.profile.avatar == "/sdcard/Pictures/me.png")
    #expect(state.screen == "edit_profile")
  }

  @Test func theInboxListsConversations() throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Inbox")
    var inbox = tiktok.dump()
    for label in ["Inbox", "New followers", "Activity", "System notifications"] {
      #expect(inbox.node(text: label) != nil)
    }
    #expect(inbox.node(description: "Inbox")?.isSelected == true)
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(text: "Message")
    try tiktok.tap(tiktok.dump().nodes.first { $0.className == "android.widget.EditText" })
    tiktok.type("hi")
    tiktok.sh("input keyevent KEYCODE_ENTER")
    tiktok.sh("input keyevent KEYCODE_BACK")  // the keyboard
    tiktok.sh("input keyevent KEYCODE_BACK")  // the conversation
    tiktok.sh("input keyevent KEYCODE_BACK")  // the profile
    inbox = tiktok.dump()
    #expect(inbox.node(text: "@jennyjp2020") != nil)
    try tiktok.tap(text: "@jennyjp2020")
    #expect(tiktok.dump().node(text: "hi") != nil)
    #expect(try tiktok.state().screen == "conversation")
  }

  @Test func theDefaultAccountIsNamedAfterThePhone() throws {
    #expect(TikTok.defaultAccount(forSerial: "vphone") == "vphone1")
    #expect(TikTok.defaultAccount(forSerial: "vphone-2") == "vphone2")
    #expect(TikTok.defaultAccount(forSerial: "Pixel_7") == "pixel7")
    #expect(TikTok.defaultAccount(forSerial: "emulator") == "emulator1")
    let phone = TikTokPhone(serial: "vphone-3")
    let state = try phone.state()
    #expect(state.currentAccount == "vphone3")
    #expect(Array(state.accounts.keys) == ["vphone3"])
  }
}
