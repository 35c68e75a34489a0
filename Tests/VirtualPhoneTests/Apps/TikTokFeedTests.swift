import Testing

@testable import VirtualPhone

/// TikTok's feed: the labels of the real app, playback that keeps dumps from going idle, a
/// pause tap, swipes to the next video, watch time, and the rail's like, favorite and follow.
@Suite struct TikTokFeedTests {
  let tiktok = TikTokPhone()

  @Test func aPlayingVideoKeepsDumpsFromGoingIdleUntilATapPausesIt() throws {
    #expect(tiktok.dumpError == "ERROR: could not get idle state.\n")
    tiktok.pauseFeed()
    #expect(tiktok.dumpError.isEmpty)
    #expect(tiktok.dump().node(descriptionPrefix: "Like video. ") != nil)
    tiktok.pauseFeed()  // a second tap plays again
    #expect(tiktok.dumpError == "ERROR: could not get idle state.\n")
    tiktok.pauseFeed()
    tiktok.swipeUp()  // the next video plays
    #expect(tiktok.dumpError == "ERROR: could not get idle state.\n")
  }

  @Test func theFeedShowsTheRealAppsLabels() throws {
    tiktok.pauseFeed()
    let feed = tiktok.dump()
    let video = TikTokWorld.forYouVideo(account: "vphone1", index: 0)
    for tab in ["Home", "Friends", "Create", "Inbox", "Profile"] {
      #expect(feed.node(description: tab) != nil, "\(tab)")
    }
    #expect(feed.node(description: "Home")?.isSelected == true)
    #expect(feed.node(description: "Inbox")?.isSelected == false)
    #expect(feed.node(description: "Create")?.className == "android.widget.Button")
    #expect(feed.node(text: "For You")?.isSelected == true)
    #expect(feed.node(text: "Following") != nil)
    #expect(feed.node(description: "Search")?.isClickable == true)
    #expect(feed.node(description: "\(video.author.nickname) profile") != nil)
    #expect(feed.node(description: "Follow \(video.author.nickname)")?.className == "android.widget.Button")
    let like = try #require(feed.node(descriptionPrefix: "Like video. "))
    #expect(like.contentDescription == "Like video. \(TikTokWorld.formatCount(video.likes)) likes")
    #expect(like.className == "android.widget.Button" && !like.isSelected)
    #expect(feed.node(description: "Read or add comments. \(TikTokWorld.formatCount(video.comments)) comments") != nil)
    #expect(feed.node(description: "Add or remove this video from Favorites.") != nil)
    #expect(feed.node(description: "Share video. \(TikTokWorld.formatCount(video.shares)) shares") != nil)
    #expect(feed.node(text: "@\(video.author.handle)") != nil)
    #expect(feed.node(text: video.caption) != nil)
    #expect(feed.nodes.allSatisfy { $0.package == TikTok.package })
  }

  @Test func theBottomNavigationSwitchesTabsAndHomeReturnsToTheFeed() throws {
    tiktok.pauseFeed()
    for (tab, screen) in [("Friends", "friends"), ("Inbox", "inbox"), ("Profile", "own_profile")] {
      try tiktok.tap(description: tab)
      #expect(tiktok.dump().node(description: tab)?.isSelected == true)
      #expect(try tiktok.state().screen == screen)
    }
    try tiktok.tap(description: "Home")
    #expect(try tiktok.state().screen == "feed")
    tiktok.sh("input keyevent KEYCODE_BACK")  // the feed is the first screen: the launcher shows
    #expect(tiktok.phone.system.foregroundActivity.package != TikTok.package)
  }

  @Test func countsAreFormattedAsTikTokPrintsThem() {
    #expect(TikTokWorld.formatCount(7) == "7")
    #expect(TikTokWorld.formatCount(3264) == "3,264")
    #expect(TikTokWorld.formatCount(24_950) == "24.9K")
    #expect(TikTokWorld.formatCount(480_100) == "480.1K")
    #expect(TikTokWorld.formatCount(20_000) == "20K")
    #expect(TikTokWorld.formatCount(1_234_567) == "1.2M")
  }

  @Test func aSwipeUpShowsTheNextVideoOfTheDeterministicWorld() throws {
    tiktok.swipeUp()
    tiktok.pauseFeed()
    let next = TikTokWorld.forYouVideo(account: "vphone1", index: 1)
    #expect(tiktok.dump().node(text: "@\(next.author.handle)") != nil)
    #expect(tiktok.dump().node(text: next.caption) != nil)
    sh("input swipe 540 600 540 1800 300")  // down: back to the first
    tiktok.pauseFeed()
    #expect(tiktok.dump().node(text: TikTokWorld.forYouVideo(account: "vphone1", index: 0).caption) != nil)
    // Another account sees another feed.
    #expect(
      TikTokWorld.forYouVideo(account: "other", index: 0) != TikTokWorld.forYouVideo(account: "vphone1", index: 0))
  }

  @Test func watchTimeIsTheTimeBetweenArrivingOnAVideoAndLeavingIt() throws {
    let first = TikTokWorld.forYouVideo(account: "vphone1", index: 0).id
    let second = TikTokWorld.forYouVideo(account: "vphone1", index: 1).id
    tiktok.clock.advance(by: .milliseconds(12_400))
    tiktok.swipeUp()
    tiktok.clock.advance(by: .seconds(3))
    tiktok.pauseFeed()  // a pause does not end the watch
    tiktok.clock.advance(by: .seconds(1))
    try tiktok.tap(description: "Search")  // leaving the feed does
    tiktok.clock.advance(by: .seconds(30))
    let watched = try tiktok.state().current.watched
    #expect(watched == [.init(video: first, seconds: 12), .init(video: second, seconds: 4)])
  }

  @Test func likeAndFavoriteToggleOnTheRailAndInTheState() throws {
    tiktok.pauseFeed()
    let video = TikTokWorld.forYouVideo(account: "vphone1", index: 0)
    try tiktok.tap(tiktok.dump().node(descriptionPrefix: "Like video. "))
    try tiktok.tap(description: "Add or remove this video from Favorites.")
    var feed = tiktok.dump()
    #expect(feed.node(descriptionPrefix: "Like video. ")?.isSelected == true)
    #expect(
      feed.node(descriptionPrefix: "Like video. ")?.contentDescription
        == "Like video. \(TikTokWorld.formatCount(video.likes + 1)) likes")
    #expect(feed.node(description: "Add or remove this video from Favorites.")?.isSelected == true)
    var state = try tiktok.state()
    #expect(state.current.likes == [video.id])
    #expect(state.current.favorites == [video.id])
    try tiktok.tap(feed.node(descriptionPrefix: "Like video. "))
    feed = tiktok.dump()
    #expect(feed.node(descriptionPrefix: "Like video. ")?.isSelected == false)
    state = try tiktok.state()
    #expect(state.current.likes.isEmpty)
    #expect(state.current.favorites == [video.id])
  }

  @Test func followOnTheRailDisappearsOnceFollowed() throws {
    tiktok.pauseFeed()
    let author = TikTokWorld.forYouVideo(account: "vphone1", index: 0).author
    try tiktok.tap(description: "Follow \(author.nickname)")
    #expect(tiktok.dump().node(description: "Follow \(author.nickname)") == nil)
    #expect(try tiktok.state().current.follows == [author.handle])
    // The Following tab now plays that author's videos.
    try tiktok.tap(text: "Following")
    tiktok.pauseFeed()
    #expect(tiktok.dump().node(text: "@\(author.handle)") != nil)
    #expect(tiktok.dump().node(text: "Following")?.isSelected == true)
  }

  @Test func anEmptyFollowingFeedHasNoVideoAndIsIdle() throws {
    tiktok.pauseFeed()
    try tiktok.tap(text: "Following")
    #expect(tiktok.dumpError.isEmpty)
    #expect(tiktok.dump().node(text: "Follow accounts to see their latest videos here.") != nil)
  }

  @Test func theAppKeepsItsDataAcrossAColdStart() throws {
    tiktok.pauseFeed()
    try tiktok.tap(tiktok.dump().node(descriptionPrefix: "Like video. "))
    tiktok.swipeUp()
    sh("am force-stop \(TikTok.package)")
    sh("monkey -p \(TikTok.package) -c android.intent.category.LAUNCHER 1")
    #expect(try tiktok.state().current.likes.count == 1)
    tiktok.pauseFeed()  // a cold start plays again, on the video the feed had reached
    #expect(tiktok.dump().node(text: TikTokWorld.forYouVideo(account: "vphone1", index: 1).caption) != nil)
  }

  @discardableResult
  private func sh(_ line: String) -> ShellResult { tiktok.sh(line) }
}
