/// The account's own profile (bottom navigation `Profile`): the nickname in a `Switch account`
/// button, `@handle` (a tap also opens the account switcher), the counts, `Edit profile`, the
/// bio and the grid of published posts. The account switcher lists every logged-in account as
/// `@handle` (the one in use checked) and `Add account`; a tap switches and shows that account's
/// profile.
extension TikTokUI {
  var ownProfileScreen: AppScreen {
    AppScreen(TikTok.Screen.ownProfile) { screen in
      let layout = screen.layout
      var column = layout.column()
      column.bottom -= Self.navigationHeight(layout)
      let account = screen.account
      let bar = column.next(height: layout.dp(52))
      let switcher = AppAction.open(TikTok.Screen.accountSwitcher)
      let name = bar.insetBy(dx: layout.dp(96), dy: layout.dp(6))
      var views = [
        AppElement(
          className: "android.widget.Button", id: ids("own_switch_account"), contentDescription: "Switch account",
          frame: name,
          clickable: true,
          children: [
            screen.text(account.profile.nickname, id: ids("own_nickname"), frame: name.insetBy(dx: layout.dp(8), dy: 0))
          ],
          onTap: switcher)
      ]
      views += profileHeader(screen, column: &column, handle: account.handle, onHandleTap: switcher)
      views.append(
        counts(
          screen, frame: column.next(height: layout.dp(56)),
          values: [
            (
              "Following", account.follows.count,
              .open(TikTok.Screen.followList, parameters: ["user": account.handle, "kind": "Following"])
            ),
            (
              "Followers", Self.ownFollowerCount(account.handle),
              .open(TikTok.Screen.followList, parameters: ["user": account.handle, "kind": "Followers"])
            ),
            ("Likes", 0, nil),
          ]))
      views.append(
        screen.button(
          "Edit profile", id: ids("own_edit_profile"),
          frame: column.next(height: layout.dp(56)).insetBy(dx: layout.dp(96), dy: layout.dp(8)),
          action: .open(TikTok.Screen.editProfile)))
      views.append(
        screen.text(
          account.profile.bio, id: ids("own_bio"),
          frame: column.next(height: layout.dp(32)).insetBy(dx: layout.dp(24), dy: 0)))
      views.append(
        profileTabs(screen, frame: column.next(height: layout.dp(44)), tabs: ["Videos", "Favorites", "Liked videos"]))
      let posts = Array(account.publishedPosts(at: screen.state.environment.now).reversed())
      views.append(
        grid(screen, role: "own_grid", frame: column.rest(), count: posts.count) { index, _ in
          GridCell(description: "Video \(index + 1)", label: posts[index].caption, action: .all([]))
        })
      views.append(bottomNavigation(screen, selected: .profile))
      return views
    }
  }

  var accountSwitcherScreen: AppScreen {
    AppScreen(TikTok.Screen.accountSwitcher) { screen in
      let layout = screen.layout
      let content = layout.content
      let store = screen.tiktok
      let rowHeight = layout.dp(64)
      let height = layout.dp(56) + rowHeight * (store.accountHandles.count + 1) + layout.dp(24)
      let sheet = UIRect(
        left: content.left, top: max(content.top, content.bottom - height), right: content.right, bottom: content.bottom
      )
      var column = AppColumn(left: sheet.left, right: sheet.right, top: sheet.top, bottom: sheet.bottom)
      var rows = [
        screen.text(
          "Switch account", id: ids("switcher_title"),
          frame: column.next(height: layout.dp(56)).insetBy(dx: layout.dp(24), dy: layout.dp(12)))
      ]
      for handle in store.accountHandles {
        let current = handle == store.currentHandle
        rows.append(
          row(
            screen, role: "switcher_account", title: "@\(handle)", frame: column.next(height: rowHeight),
            action: Self.switchAccount(to: handle)
          ).with {
            $0.checkable = true
            $0.checked = current
            $0.selected = current
          })
      }
      rows.append(
        row(screen, role: "switcher_add", title: "Add account", frame: column.next(height: rowHeight), action: nil))
      return [
        AppElement(
          className: "android.view.View", id: ids("switcher_outside"),
          frame: UIRect(left: content.left, top: content.top, right: content.right, bottom: sheet.top), clickable: true,
          onTap: .back),
        screen.container("android.widget.FrameLayout", id: ids("switcher_sheet"), frame: sheet, children: rows),
      ]
    }
  }

  /// Switches to `handle` (a logged-in account) and shows its profile.
  static func switchAccount(to handle: String) -> AppAction {
    .all([
      .update { state in
        state.tiktok.currentHandle = handle
        state.set(TikTokFeed.paused, false)
      },
      .popTo(TikTok.Screen.feed), .open(TikTok.Screen.ownProfile),
    ])
  }
}
