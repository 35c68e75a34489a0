/// A user's `Followers` or `Following` list (route parameters `user` and `kind`), titled by
/// that word: rows of `@handle` and nickname that open the profile, at most
/// ``TikTokWorld/listLimit``, then the list ends. An account of the phone lists whom it really
/// follows; a profile the account follows lists the account first among its followers.
extension TikTokUI {
  var followListScreen: AppScreen {
    AppScreen(TikTok.Screen.followList) { screen in
      let layout = screen.layout
      var column = layout.column()
      let kind = screen.parameter("kind") == "Following" ? "Following" : "Followers"
      let handles = Self.listHandles(screen.tiktok, of: screen.parameter("user") ?? "", kind: kind)
      return [
        titleBar(screen, title: kind, frame: column.next(height: layout.dp(52))),
        screen.list(id: ids("follow_list"), frame: column.rest(), rowHeight: layout.dp(72), count: handles.count) {
          index, frame in
          userRow(screen, role: "follow_list_row", handle: handles[index], frame: frame, trailing: nil)
        },
      ]
    }
  }

  /// The handles a list shows.
  static func listHandles(_ store: TikTokStore, of handle: String, kind: String) -> [String] {
    let handle = TikTokWorld.normalized(handle)
    if let account = store.accounts[handle] {
      if kind == "Following" { return Array(account.follows.prefix(TikTokWorld.listLimit)) }
      return TikTokWorld.listHandles(of: handle, kind: kind, count: ownFollowerCount(handle))
    }
    guard let user = TikTokWorld.user(handle) else { return [] }
    if kind == "Following" { return TikTokWorld.listHandles(of: handle, kind: kind, count: user.following) }
    let locals = store.accountHandles.filter { store.accounts[$0]?.follows.contains(handle) == true }
    let world = TikTokWorld.listHandles(of: handle, kind: kind, count: user.followers)
    return Array((locals + world.filter { !locals.contains($0) }).prefix(TikTokWorld.listLimit))
  }

  /// How many followers a phone account has (the world's users who follow it).
  static func ownFollowerCount(_ handle: String) -> Int {
    TikTokWorld.pick(300, "own-followers", handle)
  }

  /// A user row: avatar, `@handle` over the nickname, an optional view on the right; a tap
  /// opens the profile.
  func userRow(_ screen: AppScreenContext, role: String, handle: String, frame: UIRect, trailing: AppElement?)
    -> AppElement
  {
    let layout = screen.layout
    let user = TikTokUser(handle: handle)
    let avatar = UIRect(
      x: frame.left + layout.dp(16), y: frame.top + layout.dp(12), width: layout.dp(48), height: layout.dp(48))
    let textRight = trailing?.frame.left ?? frame.right - layout.dp(16)
    let middle = frame.top + frame.height / 2
    var children = [
      AppElement(className: "android.widget.ImageView", id: ids("\(role)_avatar"), frame: avatar),
      screen.text(
        "@\(user.handle)", id: ids("\(role)_handle"),
        frame: UIRect(
          left: avatar.right + layout.dp(12), top: frame.top + layout.dp(10), right: textRight, bottom: middle)),
      screen.text(
        user.nickname, id: ids("\(role)_name"),
        frame: UIRect(
          left: avatar.right + layout.dp(12), top: middle, right: textRight, bottom: frame.bottom - layout.dp(10))),
    ]
    if let trailing { children.append(trailing) }
    return AppElement(
      className: "android.widget.LinearLayout", id: ids(role), frame: frame, clickable: true, children: children,
      onTap: TikTokActions.openProfile(user.handle))
  }
}
