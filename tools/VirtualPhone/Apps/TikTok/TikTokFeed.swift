/// The feed (the root screen): For You or Following, one video at a time with its rail; a
/// swipe up shows the next video, a swipe down the previous one; a tap in the middle pauses
/// (and a second one plays again); coming back to the feed from another screen plays again.
/// While a video plays the screen is never idle, so
/// `uiautomator dump` fails with "could not get idle state", as on a phone. The top bar has the
/// `Following` and `For You` tabs and `Search`; an upload in progress shows `Uploading N%`,
/// then `Posted`.
enum TikTokFeed {
  /// Flag: the Following tab is selected.
  static let followingTab = "feed.following"
  /// Flag: the video on show is paused (cleared by the next swipe).
  static let paused = "feed.paused"
  /// How long `Posted` stays after an upload finished.
  static let postedBannerDuration = Duration.seconds(3)

  /// The video the feed shows, or nil for an empty Following feed.
  static func currentVideo(_ state: AppState) -> TikTokVideo? {
    let account = state.tiktok.current
    guard state.isOn(followingTab) else {
      return TikTokWorld.forYouVideo(account: account.handle, index: account.feedIndex)
    }
    guard !account.follows.isEmpty else { return nil }
    let count = account.follows.count
    let author = TikTokUser(handle: account.follows[account.followingFeedIndex % count])
    return TikTokVideo(id: author.videoID(account.followingFeedIndex / count % author.videoCount), author: author)
  }

  /// Moves the feed by `step` videos (not before the first) and plays.
  static func move(by step: Int) -> AppAction {
    .update { state in
      if state.isOn(followingTab) {
        state.tiktok.current.followingFeedIndex = max(0, state.tiktok.current.followingFeedIndex + step)
      } else {
        state.tiktok.current.feedIndex = max(0, state.tiktok.current.feedIndex + step)
      }
      state.set(paused, false)
    }
  }

  /// Selects the For You or the Following tab.
  static func selectTab(following: Bool) -> AppAction {
    .update { state in
      state.set(followingTab, following)
      state.set(paused, false)
    }
  }

  /// The upload banner's text for the account in use, if an upload is running or just ended.
  static func uploadBanner(_ screen: AppScreenContext) -> String? {
    let now = screen.state.environment.now
    guard let post = screen.account.posts.last(where: { now < $0.publishedAt + postedBannerDuration }) else {
      return nil
    }
    guard now < post.publishedAt else { return "Posted" }
    let total = Double((post.publishedAt - post.startedAt) / .milliseconds(1))
    let elapsed = Double((now - post.startedAt) / .milliseconds(1))
    return "Uploading \(total > 0 ? min(99, max(0, Int(elapsed * 100 / total))) : 99)%"
  }
}

extension TikTokUI {
  var feedScreen: AppScreen {
    AppScreen(
      TikTok.Screen.feed,
      isIdle: { screen in
        screen.state.popup != nil || screen.isOn(TikTokFeed.paused) || TikTokFeed.currentVideo(screen.state) == nil
      }
    ) { screen in
      let pager = Self.areaAboveNavigation(screen.layout)
      return [
        AppElement(
          className: "androidx.viewpager.widget.ViewPager", id: ids("feed_pager"), frame: pager,
          children: feedPage(screen, area: pager)
        ).with {
          $0.scrollable = true
          $0.onSwipe = [.up: TikTokFeed.move(by: 1), .down: TikTokFeed.move(by: -1)]
        },
        bottomNavigation(screen, selected: .home),
      ]
    }
  }

  private func feedPage(_ screen: AppScreenContext, area: UIRect) -> [AppElement] {
    let layout = screen.layout
    var page: [AppElement] = []
    if let video = TikTokFeed.currentVideo(screen.state) {
      // The play icon of a paused video sits inside the video's view, so a tap on it still
      // reaches the view (the engine's taps follow one path of views, innermost clickable wins).
      let side = layout.dp(68)
      let icon = AppElement(
        className: "android.widget.ImageView", id: ids("feed_play_icon"),
        frame: UIRect(x: area.center.x - side / 2, y: area.center.y - side / 2, width: side, height: side))
      page.append(
        AppElement(
          className: "android.view.View", id: "long_press_layout", contentDescription: "Video", frame: area,
          clickable: true, children: screen.isOn(TikTokFeed.paused) ? [icon] : [], onTap: .toggle(TikTokFeed.paused)))
      page += rail(screen, video: video, area: area)
    } else {
      page.append(
        screen.text(
          "Follow accounts to see their latest videos here.", id: ids("feed_empty"),
          frame: UIRect(
            x: area.left + layout.dp(32), y: area.center.y - layout.dp(24), width: area.width - layout.dp(64),
            height: layout.dp(48))))
    }
    var top = AppColumn(left: area.left, right: area.right, top: area.top, bottom: area.bottom)
    page.append(topBar(screen, frame: top.next(height: layout.dp(56))))
    if let banner = TikTokFeed.uploadBanner(screen) {
      page.append(
        screen.text(
          banner, id: ids("upload_banner"), frame: top.next(height: layout.dp(32)).insetBy(dx: layout.dp(16), dy: 0)))
    }
    return page
  }

  private func topBar(_ screen: AppScreenContext, frame: UIRect) -> AppElement {
    let layout = screen.layout
    let following = screen.isOn(TikTokFeed.followingTab)
    let tabWidth = layout.dp(88)
    let middle = frame.center.x
    func tab(_ title: String, left: Int, selected: Bool, action: AppAction) -> AppElement {
      let tabFrame = UIRect(left: left, top: frame.top, right: left + tabWidth, bottom: frame.bottom)
      return AppElement(
        className: "android.widget.LinearLayout", contentDescription: title, frame: tabFrame, clickable: true,
        children: [screen.text(title, id: "android:id/text1", frame: tabFrame).with { $0.selected = selected }],
        onTap: action
      ).with { $0.selected = selected }
    }
    let search = UIRect(left: frame.right - layout.dp(56), top: frame.top, right: frame.right, bottom: frame.bottom)
    return screen.container(
      "android.widget.FrameLayout", id: ids("feed_top_bar"), frame: frame,
      children: [
        tab("Following", left: middle - tabWidth, selected: following, action: TikTokFeed.selectTab(following: true)),
        tab("For You", left: middle, selected: !following, action: TikTokFeed.selectTab(following: false)),
        AppElement(
          className: "android.widget.ImageView", id: ids("feed_search"), contentDescription: "Search", frame: search,
          clickable: true, onTap: TikTokActions.open(TikTok.Screen.search, focusing: TikTokSearch.field)),
      ])
  }
}
