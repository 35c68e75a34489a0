import Testing

@testable import VirtualPhone

/// One video opened by deep link: the rail without the bottom navigation, like and favorite,
/// and a deleted video.
@Suite struct TikTokVideoTests {
  let tiktok = TikTokPhone()
  let author = TikTokWorld.user("jennyjp2020")!

  @Test(arguments: [true, false])
  func aVideoDeepLinkShowsTheVideoWithItsRailAndNoBottomNavigation(withPackage: Bool) throws {
    let id = author.videoID(2)
    tiktok.open("https://www.tiktok.com/@jennyjp2020/video/\(id)", withPackage: withPackage)
    let screen = tiktok.dump()  // a video opened on its own is idle
    let video = try #require(TikTokWorld.video(id: id, author: "jennyjp2020"))
    #expect(screen.node(description: "Like video. \(TikTokWorld.formatCount(video.likes)) likes") != nil)
    #expect(screen.node(descriptionPrefix: "Read or add comments. ") != nil)
    #expect(screen.node(description: "Follow \(author.nickname)") != nil)
    #expect(screen.node(description: "Back") != nil)
    #expect(screen.node(text: "@jennyjp2020") != nil)
    #expect(screen.node(text: video.caption) != nil)
    #expect(screen.node(description: "Home") == nil)
    #expect(try tiktok.state().screen == "video")
  }

  @Test func likeAndFavoriteOnAVideoAreRecordedByID() throws {
    let id = author.videoID(0)
    tiktok.open("https://www.tiktok.com/@jennyjp2020/video/\(id)")
    try tiktok.tap(tiktok.dump().node(descriptionPrefix: "Like video. "))
    try tiktok.tap(description: "Add or remove this video from Favorites.")
    try tiktok.tap(tiktok.dump().node(description: "Follow \(author.nickname)"))
    let screen = tiktok.dump()
    #expect(screen.node(descriptionPrefix: "Like video. ")?.isSelected == true)
    #expect(screen.node(description: "Add or remove this video from Favorites.")?.isSelected == true)
    let state = try tiktok.state()
    #expect(state.current.likes == [id])
    #expect(state.current.favorites == [id])
    #expect(state.current.follows == ["jennyjp2020"])
  }

  @Test func aVideoIDEndingIn404IsUnavailable() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020/video/7301234567890123404")
    let screen = tiktok.dump()
    #expect(screen.node(text: "This video is unavailable") != nil)
    #expect(screen.node(descriptionPrefix: "Like video") == nil)
    try tiktok.tap(description: "Back")
    #expect(try tiktok.state().screen == "feed")
  }

  @Test func aProfilesGridOpensItsVideos() throws {
    tiktok.open("https://www.tiktok.com/@jennyjp2020")
    try tiktok.tap(description: "Video 2")
    let screen = tiktok.dump()
    #expect(screen.node(text: TikTokVideo(id: author.videoID(1), author: author).caption) != nil)
    #expect(try tiktok.state().screen == "video")
  }
}
