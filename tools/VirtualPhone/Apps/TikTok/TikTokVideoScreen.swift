/// One video on its own (a deep link `https://www.tiktok.com/@USER/video/ID`, or a profile's
/// grid): the video with its rail and caption and a `Back` button, without the bottom
/// navigation. An id ending in `404` (or a missing author) shows `This video is unavailable`.
extension TikTokUI {
  var videoScreen: AppScreen {
    AppScreen(TikTok.Screen.video) { screen in
      let layout = screen.layout
      let area = layout.content
      let back = backButton(
        screen,
        frame: UIRect(
          x: area.left + layout.dp(4), y: area.top + layout.dp(4), width: layout.dp(48), height: layout.dp(48)))
      guard let video = TikTokWorld.video(id: screen.parameter("id") ?? "", author: screen.parameter("user") ?? "")
      else {
        return [
          back,
          screen.text(
            "This video is unavailable", id: ids("video_unavailable"),
            frame: UIRect(
              x: area.left + layout.dp(32), y: area.center.y - layout.dp(24), width: area.width - layout.dp(64),
              height: layout.dp(48))),
        ]
      }
      return [
        AppElement(
          className: "android.widget.FrameLayout", id: ids("video_page"), frame: area,
          children: [
            AppElement(
              className: "android.view.View", id: "long_press_layout", contentDescription: "Video", frame: area,
              clickable: true)
          ] + rail(screen, video: video, area: area)),
        back,
      ]
    }
  }

  /// The Friends tab: a placeholder page with the bottom navigation.
  var friendsScreen: AppScreen {
    AppScreen(TikTok.Screen.friends) { screen in
      let layout = screen.layout
      var column = layout.column()
      return [
        screen.text(
          "Friends", id: ids("friends_title"),
          frame: column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(8))),
        screen.text(
          "Find friends", id: ids("friends_find"),
          frame: column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)),
        bottomNavigation(screen, selected: .friends),
      ]
    }
  }
}
