/// Search: the page opened by the feed's `Search` (an EditText with hint `Search`, focused, a
/// `Search` Button, suggestions), and the results (route parameters `q` and `tab`) with the
/// tabs `Top`, `Users`, `Videos`, `Sounds`, `LIVE`. The Users tab lists rows of `@handle`,
/// nickname and a `Follow` button; a row opens the profile. A `ghost…` query finds
/// `No results found`. Each search is recorded in ``TikTokAccount/searches``.
enum TikTokSearch {
  /// The query field.
  static let field = "search"
  /// The result tabs.
  static let tabs = ["Top", "Users", "Videos", "Sounds", "LIVE"]

  /// Searches for the field's text: records it and opens the results on the Top tab; nothing
  /// while the field is empty.
  static let submit = AppAction.derived { state in
    let query = (state.fields[field] ?? "").trimmingSpaces
    guard !query.isEmpty else { return .all([]) }
    return .all([
      .update { $0.tiktok.current.searches.append(query) },
      .open(TikTok.Screen.searchResults, parameters: ["q": query, "tab": "Top"]),
    ])
  }
}

extension TikTokUI {
  var searchScreen: AppScreen {
    AppScreen(TikTok.Screen.search) { screen in
      let layout = screen.layout
      var column = layout.column()
      var views = [searchBar(screen, frame: column.next(height: layout.dp(56)), withButton: true)]
      views.append(
        screen.text(
          "You may like", id: ids("search_suggestions_title"),
          frame: column.next(height: layout.dp(40)).insetBy(dx: layout.dp(16), dy: layout.dp(8))))
      for topic in TikTokWorld.Words.topics.prefix(6) {
        views.append(
          row(
            screen, role: "search_suggestion", title: "\(topic) videos", frame: column.next(height: layout.dp(48)),
            action: .all([.update { $0.fields[TikTokSearch.field] = "\(topic) videos" }, TikTokSearch.submit])))
      }
      return views
    }
  }

  var searchResultsScreen: AppScreen {
    AppScreen(TikTok.Screen.searchResults) { screen in
      let layout = screen.layout
      var column = layout.column()
      let query = screen.parameter("q") ?? ""
      let tab = screen.parameter("tab") ?? "Top"
      var views = [searchBar(screen, frame: column.next(height: layout.dp(56)), withButton: false)]
      views.append(resultTabs(screen, frame: column.next(height: layout.dp(44)), query: query, selected: tab))
      let area = column.rest()
      let users = TikTokWorld.searchUsers(query)
      let videos = TikTokWorld.searchVideos(query)
      guard !users.isEmpty || !videos.isEmpty else {
        return views + [
          screen.text(
            "No results found", id: ids("search_empty"), frame: area.insetBy(dx: layout.dp(32), dy: area.height / 3))
        ]
      }
      switch tab {
      case "Users":
        views.append(
          screen.list(id: ids("search_users"), frame: area, rowHeight: layout.dp(72), count: users.count) {
            index, frame in
            searchUserRow(screen, handle: users[index], frame: frame)
          })
      case "Videos":
        views.append(videoGrid(screen, frame: area, videos: videos))
      case "Sounds":
        views.append(
          screen.list(id: ids("search_sounds"), frame: area, rowHeight: layout.dp(64), count: 5) { index, frame in
            row(
              screen, role: "search_sound", title: TikTokWorld.sounds[(index + query.count) % TikTokWorld.sounds.count],
              frame: frame, action: nil)
          })
      case "LIVE":
        views.append(
          screen.text(
            "No LIVE videos right now", id: ids("search_live_empty"),
            frame: area.insetBy(dx: layout.dp(32), dy: area.height / 3)))
      default:
        var top = AppColumn(left: area.left, right: area.right, top: area.top, bottom: area.bottom)
        if let first = users.first {
          views.append(searchUserRow(screen, handle: first, frame: top.next(height: layout.dp(72))))
        }
        views.append(videoGrid(screen, frame: top.rest(), videos: videos))
      }
      return views
    }
  }

  /// Back, the query field (hint `Search`) and, before results, the `Search` button.
  private func searchBar(_ screen: AppScreenContext, frame: UIRect, withButton: Bool) -> AppElement {
    let layout = screen.layout
    let back = UIRect(left: frame.left, top: frame.top, right: frame.left + layout.dp(48), bottom: frame.bottom)
    let buttonWidth = withButton ? layout.dp(72) : 0
    let input = UIRect(
      left: back.right, top: frame.top + layout.dp(8), right: frame.right - buttonWidth - layout.dp(12),
      bottom: frame.bottom - layout.dp(8))
    var children = [
      backButton(screen, frame: back),
      screen.editText(
        id: ids("search_input"), field: TikTokSearch.field, hint: "Search", frame: input, onSubmit: TikTokSearch.submit),
    ]
    if withButton {
      children.append(
        screen.button(
          "Search", id: ids("search_button"),
          frame: UIRect(
            left: input.right + layout.dp(4), top: input.top, right: frame.right - layout.dp(8), bottom: input.bottom),
          action: TikTokSearch.submit))
    }
    return screen.container(id: ids("search_bar"), frame: frame, children: children)
  }

  private func resultTabs(_ screen: AppScreenContext, frame: UIRect, query: String, selected: String) -> AppElement {
    let tabs = zip(TikTokSearch.tabs, frame.columns(TikTokSearch.tabs.count)).map { title, cell in
      AppElement(
        className: "android.widget.FrameLayout", contentDescription: title, frame: cell, clickable: true,
        children: [screen.text(title, frame: cell).with { $0.selected = title == selected }],
        onTap: .replace(TikTok.Screen.searchResults, parameters: ["q": query, "tab": title])
      ).with { $0.selected = title == selected }
    }
    return screen.container("android.widget.HorizontalScrollView", id: ids("search_tabs"), frame: frame, children: tabs)
  }

  private func searchUserRow(_ screen: AppScreenContext, handle: String, frame: UIRect) -> AppElement {
    let layout = screen.layout
    let followed = screen.tiktok.follows(handle)
    let button = UIRect(
      left: frame.right - layout.dp(112), top: frame.top + layout.dp(18), right: frame.right - layout.dp(16),
      bottom: frame.bottom - layout.dp(18))
    let follow = screen.button(
      followed ? "Following" : "Follow", id: ids("search_user_follow"), frame: button,
      action: followed ? TikTokActions.unfollow(handle) : TikTokActions.follow(handle))
    return userRow(screen, role: "search_user", handle: handle, frame: frame, trailing: follow)
  }

  /// A grid of videos from anyone (search results), opening each on its own.
  private func videoGrid(_ screen: AppScreenContext, frame: UIRect, videos: [TikTokVideo]) -> AppElement {
    grid(screen, role: "search_videos", frame: frame, count: videos.count) { index, _ in
      GridCell(
        description: "Video \(index + 1)", label: "@\(videos[index].author.handle)",
        action: TikTokActions.openVideo(videos[index]))
    }
  }
}
