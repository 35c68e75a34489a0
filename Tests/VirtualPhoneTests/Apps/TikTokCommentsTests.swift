import Testing

@testable import VirtualPhone

/// The comments sheet: its labels, posting with the button or ENTER, and a comment with an
/// image picked from the gallery.
@Suite struct TikTokCommentsTests {
  let tiktok = TikTokPhone()
  let video = TikTokWorld.forYouVideo(account: "vphone1", index: 0)

  func openSheet() throws {
    tiktok.pauseFeed()
    try tiktok.tap(tiktok.dump().node(descriptionPrefix: "Read or add comments. "))
  }

  var composer: DumpedScreen.Node? { tiktok.dump().nodes.first { $0.className == "android.widget.EditText" } }

  @Test func theSheetShowsItsHeaderRowsAndComposer() throws {
    try openSheet()
    let sheet = tiktok.dump()  // the sheet over the video is idle
    #expect(sheet.node(text: "\(TikTokWorld.formatCount(video.comments)) comments") != nil)
    let first = TikTokWorld.comments(onVideo: video.id)[0]
    #expect(sheet.node(text: first.author.nickname) != nil)
    #expect(sheet.node(text: first.text) != nil)
    #expect(sheet.node(text: "Reply") != nil)
    #expect(sheet.node(description: "Close") != nil)
    #expect(sheet.node(description: "Add image")?.className == "android.widget.ImageButton")
    #expect(sheet.node(description: "Post comment") == nil)  // appears once there is text
    #expect(composer?.text == "Add comment...")
    #expect(try tiktok.state().screen == "comments")
    try tiktok.tap(description: "Close")
    #expect(try tiktok.state().screen == "feed")
  }

  @Test func postCommentPostsTheTypedText() throws {
    try openSheet()
    try tiktok.tap(composer)
    #expect(composer?.isFocused == true)
    tiktok.type("So good")
    #expect(composer?.text == "So good")
    try tiktok.tap(description: "Post comment")
    let sheet = tiktok.dump()
    #expect(sheet.node(text: "So good") != nil)
    #expect(sheet.node(text: "vphone1") != nil)  // the account's nickname
    #expect(sheet.node(text: "\(TikTokWorld.formatCount(video.comments + 1)) comments") != nil)
    #expect(composer?.text == "Add comment...")
    // ENTER posts too.
    try tiktok.tap(composer)
    tiktok.type("Second one")
    tiktok.sh("input keyevent KEYCODE_ENTER")
    let comments = try tiktok.state().current.comments
    #expect(
      comments == [
        .init(video: video.id, author: "vphone1", text: "So good", image: nil),
        .init(video: video.id, author: "vphone1", text: "Second one", image: nil),
      ])
    // The rail counts them (back on the feed the video plays again: pause it to read).
    try tiktok.tap(description: "Close")
    #expect(tiktok.dumpError == "ERROR: could not get idle state.\n")
    tiktok.pauseFeed()
    #expect(
      tiktok.dump().node(description: "Read or add comments. \(TikTokWorld.formatCount(video.comments + 2)) comments")
        != nil)
  }

  @Test func aCommentCanCarryAnImageFromTheGallery() throws {
    tiktok.addMedia("/sdcard/Pictures/reaction.png")
    tiktok.addMedia("/sdcard/DCIM/clip.mp4")  // videos are not offered for comments
    try openSheet()
    try tiktok.tap(composer)
    tiktok.type("Look")
    try tiktok.tap(description: "Add image")
    let gallery = tiktok.dump()
    #expect(gallery.node(text: "Recents") != nil)
    #expect(gallery.node(description: "Photo 1") != nil)
    #expect(gallery.node(descriptionPrefix: "Video") == nil)
    try tiktok.tap(description: "Photo 1")
    let sheet = tiktok.dump()
    #expect(sheet.node(description: "Attached image") != nil)
    #expect(composer?.text == "Look")  // the text waited
    try tiktok.tap(description: "Post comment")
    #expect(tiktok.dump().node(description: "Comment image") != nil)
    let comments = try tiktok.state().current.comments
    #expect(
      comments == [.init(video: video.id, author: "vphone1", text: "Look", image: "/sdcard/Pictures/reaction.png")])
  }

  @Test func anImageAloneIsAComment() throws {
    tiktok.addMedia("/sdcard/Pictures/only.jpg")
    try openSheet()
    try tiktok.tap(description: "Add image")
    try tiktok.tap(description: "Photo 1")
    try tiktok.tap(description: "Post comment")
    #expect(try tiktok.state().current.comments.map(\.image) == ["/sdcard/Pictures/only.jpg"])
  }
}
