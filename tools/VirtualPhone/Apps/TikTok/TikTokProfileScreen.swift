/// Another user's profile (`https://www.tiktok.com/@USER`, `snssdk1233://user/profile/UID`, a
/// search result, an avatar): `Back to previous screen`, the nickname, `@handle`, the counts
/// (a number TextView beside each label `Following`, `Followers`, `Likes`; tapping the first
/// two opens the list), the `Follow` Button (`Following` once followed; a tap unfollows at
/// once), `Message`, the bio, and the grid of videos (`Video 1`…). A `ghost…` handle (or an
/// unknown uid) shows `Couldn't find this account`.
extension TikTokUI {
  var profileScreen: AppScreen {
    AppScreen(TikTok.Screen.profile) { screen in
      let layout = screen.layout
      var column = layout.column()
      let bar = column.next(height: layout.dp(52))
      guard let user = Self.profileUser(screen.state, route: screen.route) else {
        return [
          titleBar(screen, title: "", frame: bar, back: "Back to previous screen"),
          screen.text(
            "Couldn't find this account", id: ids("profile_missing"),
            frame: column.next(height: layout.dp(96)).insetBy(dx: layout.dp(32), dy: layout.dp(24))),
        ]
      }
      let store = screen.tiktok
      let followed = store.follows(user.handle)
      let followers = user.followers + store.accounts.values.count(where: { $0.follows.contains(user.handle) })
      var views = [titleBar(screen, title: user.nickname, frame: bar, back: "Back to previous screen")]
      views += profileHeader(screen, column: &column, handle: user.handle)
      views.append(
        counts(
          screen, frame: column.next(height: layout.dp(56)),
          values: [
            (
              "Following", user.following,
              .open(TikTok.Screen.followList, parameters: ["user": user.handle, "kind": "Following"])
            ),
            (
              "Followers", followers,
              .open(TikTok.Screen.followList, parameters: ["user": user.handle, "kind": "Followers"])
            ),
            ("Likes", user.likes, nil),
          ]))
      let buttons = column.next(height: layout.dp(60)).insetBy(dx: layout.dp(24), dy: layout.dp(8)).columns(
        2, spacing: layout.dp(8))
      views.append(
        screen.button(
          followed ? "Following" : "Follow", id: ids("profile_follow"), frame: buttons[0],
          action: followed ? TikTokActions.unfollow(user.handle) : TikTokActions.follow(user.handle)
        ).with { $0.selected = followed })
      views.append(
        screen.button(
          "Message", id: ids("profile_message"), frame: buttons[1], action: TikTokActions.openConversation(user.handle))
      )
      views.append(
        screen.text(
          user.bio, id: ids("profile_bio"), frame: column.next(height: layout.dp(32)).insetBy(dx: layout.dp(24), dy: 0))
      )
      views.append(profileTabs(screen, frame: column.next(height: layout.dp(44)), tabs: ["Videos", "Liked videos"]))
      views.append(
        grid(screen, role: "profile_grid", frame: column.rest(), count: user.videoCount) { index, _ in
          let video = TikTokVideo(id: user.videoID(index), author: user)
          return GridCell(
            description: "Video \(index + 1)", label: TikTokWorld.formatCount(video.likes * 7),
            action: TikTokActions.openVideo(video))
        })
      return views
    }
  }

  /// The user a profile route shows: by handle, or by uid among the pool and the handles the
  /// app has met; nil when missing.
  static func profileUser(_ state: AppState, route: AppRoute) -> TikTokUser? {
    if let handle = route.parameters["user"] { return TikTokWorld.user(handle) }
    guard let uid = route.parameters["uid"] else { return nil }
    let store = state.tiktok
    let known = store.seenHandles.sorted() + store.accountHandles + store.accounts.values.flatMap(\.follows)
    return TikTokWorld.handle(ofUID: uid, known: known).flatMap(TikTokWorld.user)
  }

  /// The avatar and `@handle` under the title bar.
  func profileHeader(_ screen: AppScreenContext, column: inout AppColumn, handle: String, onHandleTap: AppAction? = nil)
    -> [AppElement]
  {
    let layout = screen.layout
    let avatarRow = column.next(height: layout.dp(104))
    let side = layout.dp(96)
    return [
      AppElement(
        className: "android.widget.ImageView", id: ids("profile_avatar"),
        frame: UIRect(x: avatarRow.center.x - side / 2, y: avatarRow.top + layout.dp(4), width: side, height: side)),
      AppElement(
        className: "android.widget.TextView", id: ids("profile_handle"), text: "@\(handle)",
        frame: column.next(height: layout.dp(32)).insetBy(dx: layout.dp(80), dy: 0), clickable: onHandleTap != nil,
        onTap: onHandleTap),
    ]
  }

  /// The counts row: per count a clickable LinearLayout holding the number, then its label.
  func counts(_ screen: AppScreenContext, frame: UIRect, values: [(String, Int, AppAction?)]) -> AppElement {
    let layout = screen.layout
    let cells = zip(values, frame.insetBy(dx: layout.dp(16), dy: 0).columns(values.count, spacing: layout.dp(1))).map {
      value, cell in
      let (label, count, action) = value
      let middle = cell.top + cell.height * 11 / 20
      return AppElement(
        className: "android.widget.LinearLayout", id: ids("count_\(label.lowercased())"), frame: cell, clickable: true,
        children: [
          screen.text(
            TikTokWorld.formatCount(count), id: ids("count_value"),
            frame: UIRect(left: cell.left, top: cell.top, right: cell.right, bottom: middle)),
          screen.text(
            label, id: ids("count_label"),
            frame: UIRect(left: cell.left, top: middle, right: cell.right, bottom: cell.bottom)),
        ],
        onTap: action)
    }
    return screen.container(id: ids("counts"), frame: frame, children: cells)
  }

  /// The tabs above a profile's grid (the first selected), known by their content descriptions.
  func profileTabs(_ screen: AppScreenContext, frame: UIRect, tabs: [String]) -> AppElement {
    let cells = zip(tabs, frame.columns(tabs.count)).enumerated().map { index, tab in
      AppElement(
        className: "android.widget.RelativeLayout", contentDescription: tab.0, frame: tab.1, clickable: true,
        children: [
          AppElement(
            className: "android.widget.ImageView", id: ids("profile_tab_icon"),
            frame: tab.1.insetBy(dx: tab.1.width / 3, dy: tab.1.height / 4))
        ]
      ).with { $0.selected = index == 0 }
    }
    return screen.container(id: ids("profile_tabs"), frame: frame, children: cells)
  }
}
