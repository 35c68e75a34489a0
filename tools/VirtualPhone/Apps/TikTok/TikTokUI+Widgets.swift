/// Views many TikTok screens share, with the classes and labels of the real app.
extension TikTokUI {
  /// The bottom navigation's tabs.
  enum Tab: String, CaseIterable {
    case home = "Home"
    case friends = "Friends"
    case create = "Create"
    case inbox = "Inbox"
    case profile = "Profile"
  }

  /// The height of the bottom navigation (50 dp).
  static func navigationHeight(_ layout: AppLayout) -> Int { layout.dp(50) }

  /// The area above the bottom navigation.
  static func areaAboveNavigation(_ layout: AppLayout) -> UIRect {
    let content = layout.content
    return UIRect(
      left: content.left, top: content.top, right: content.right, bottom: content.bottom - navigationHeight(layout))
  }

  /// The bottom navigation: FrameLayouts with content-desc `Home`, `Friends`, `Inbox`,
  /// `Profile` (each with its label and icon) and the `Create` Button; the current tab is
  /// `selected`.
  func bottomNavigation(_ screen: AppScreenContext, selected: Tab?) -> AppElement {
    let layout = screen.layout
    let content = layout.content
    let bar = UIRect(
      left: content.left, top: content.bottom - Self.navigationHeight(layout), right: content.right,
      bottom: content.bottom)
    let cells = bar.columns(Tab.allCases.count, spacing: 0)
    let tabs = zip(Tab.allCases, cells).map { tab, frame in
      let isSelected = tab == selected
      let icon = AppElement(
        className: "android.widget.ImageView", frame: frame.insetBy(dx: frame.width / 4, dy: layout.dp(4))
      ).with { $0.selected = isSelected }
      if tab == .create {
        return AppElement(
          className: "android.widget.Button", id: ids("bottom_tab_create"), contentDescription: tab.rawValue,
          frame: frame, clickable: true, children: [icon], onTap: TikTokDraft.start)
      }
      let label = AppElement(
        className: "android.widget.TextView", text: tab.rawValue,
        frame: UIRect(left: frame.left, top: frame.bottom - layout.dp(14), right: frame.right, bottom: frame.bottom)
      ).with { $0.selected = isSelected }
      return AppElement(
        className: "android.widget.FrameLayout", id: ids("bottom_tab_\(tab.rawValue.lowercased())"),
        contentDescription: tab.rawValue, frame: frame, clickable: true, children: [label, icon],
        onTap: Self.open(tab)
      ).with { $0.selected = isSelected }
    }
    return screen.container(id: ids("bottom_navigation"), frame: bar, children: tabs)
  }

  /// What a tab does: back to the feed, then the tab's screen on top of it.
  static func open(_ tab: Tab) -> AppAction {
    let home = AppAction.popTo(TikTok.Screen.feed)
    switch tab {
    case .home: return home
    case .friends: return .all([home, .open(TikTok.Screen.friends)])
    case .create: return TikTokDraft.start
    case .inbox: return .all([home, .open(TikTok.Screen.inbox)])
    case .profile: return .all([home, .open(TikTok.Screen.ownProfile)])
    }
  }

  /// A back arrow: a Button known by its content description (`Back`, `Back to previous screen`).
  func backButton(_ screen: AppScreenContext, description: String = "Back", frame: UIRect) -> AppElement {
    AppElement(
      className: "android.widget.Button", id: ids("back_button"), contentDescription: description, frame: frame,
      clickable: true,
      children: [
        AppElement(
          className: "android.widget.ImageView", frame: frame.insetBy(dx: frame.width / 4, dy: frame.height / 4))
      ],
      onTap: .back
    ).with { $0.focusable = true }
  }

  /// A title bar: the back arrow, a centred title, optional views on the right.
  func titleBar(
    _ screen: AppScreenContext, title: String, frame: UIRect, back: String? = "Back", trailing: [AppElement] = []
  ) -> AppElement {
    let layout = screen.layout
    var children: [AppElement] = []
    if let back {
      children.append(
        backButton(
          screen, description: back,
          frame: UIRect(x: frame.left, y: frame.top, width: frame.height, height: frame.height)))
    }
    children.append(
      screen.text(title, id: ids("title_bar_title"), frame: frame.insetBy(dx: layout.dp(72), dy: layout.dp(10))))
    return screen.container("android.view.ViewGroup", id: ids("title_bar"), frame: frame, children: children + trailing)
  }

  /// A clickable row with a text (and an optional second line), as settings-like lists show.
  func row(
    _ screen: AppScreenContext, role: String, title: String, detail: String? = nil, frame: UIRect, action: AppAction?
  ) -> AppElement {
    let layout = screen.layout
    let inner = frame.insetBy(dx: layout.dp(16), dy: layout.dp(6))
    var children = [
      screen.text(
        title, id: ids("\(role)_title"),
        frame: detail == nil
          ? inner : UIRect(left: inner.left, top: inner.top, right: inner.right, bottom: inner.top + inner.height / 2))
    ]
    if let detail {
      children.append(
        screen.text(
          detail, id: ids("\(role)_detail"),
          frame: UIRect(left: inner.left, top: inner.top + inner.height / 2, right: inner.right, bottom: inner.bottom)))
    }
    return AppElement(
      className: "android.widget.LinearLayout", id: ids(role), frame: frame, clickable: action != nil,
      children: children, onTap: action)
  }

  /// One thumbnail of a ``grid(_:role:frame:count:cell:)``.
  struct GridCell {
    /// The content description (`Video 1`).
    var description: String
    /// A text over the thumbnail (a view count, a length), if any.
    var label: String?
    /// What a tap does.
    var action: AppAction
    /// Further views inside the cell (a check box).
    var extras: [AppElement] = []
  }

  /// A grid of thumbnails, three per row, known by their content descriptions (`Video 1`…):
  /// a RecyclerView that scrolls and ends. `cell` gets each index and its frame.
  func grid(
    _ screen: AppScreenContext, role: String, frame: UIRect, count: Int, cell: (Int, UIRect) -> GridCell
  ) -> AppElement {
    let layout = screen.layout
    let side = frame.width / 3
    return screen.list(id: ids(role), frame: frame, rowHeight: side * 4 / 3, count: (count + 2) / 3) {
      rowIndex, rowFrame in
      let frames = rowFrame.columns(3, spacing: layout.dp(2))
      let cells = (0..<3).compactMap { column -> AppElement? in
        let index = rowIndex * 3 + column
        guard index < count else { return nil }
        let frame = frames[column]
        let item = cell(index, frame)
        var children = [AppElement(className: "android.widget.ImageView", id: ids("\(role)_cover"), frame: frame)]
        if let label = item.label {
          children.append(
            screen.text(
              label, id: ids("\(role)_label"),
              frame: UIRect(
                left: frame.left + layout.dp(6), top: frame.bottom - layout.dp(24), right: frame.right,
                bottom: frame.bottom)))
        }
        return AppElement(
          className: "android.widget.FrameLayout", id: ids("\(role)_cell"), contentDescription: item.description,
          frame: frame, clickable: true, children: children + item.extras, onTap: item.action)
      }
      return screen.container("android.widget.LinearLayout", frame: rowFrame, children: cells)
    }
  }
}
