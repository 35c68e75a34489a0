/// The gallery picker (route parameter `purpose`): `Close`, `Recents`, the tabs `All`,
/// `Videos`, `Photos`, the media MediaStore has indexed, newest first (content-desc `Video 1`,
/// `Photo 2`…, videos with their length), `Select multiple` and `Next`.
///
/// - `post` (from Create): a tap opens the item in the editor; with `Select multiple` on, taps
///   check items and `Next` opens the editor with them, in the order checked.
/// - `comment` (a comment's `Add image`) and `avatar` (`Select from gallery`): photos only; a
///   tap picks the photo.
enum TikTokGallery {
  /// Why the gallery is open.
  enum Purpose: String {
    case post
    case comment
    case avatar
  }

  /// The value holding the selected tab.
  static let tabKey = "gallery.tab"
  /// Flag: `Select multiple` is on.
  static let multipleFlag = "gallery.multiple"
  /// The list of checked paths.
  static let selectionKey = "gallery.selection"

  /// Opens the gallery on `All`, nothing checked.
  static func open(_ purpose: Purpose) -> AppAction {
    .all([
      .update { state in
        state.values[tabKey] = "All"
        state.set(multipleFlag, false)
        state.lists[selectionKey] = []
      },
      .open(TikTok.Screen.gallery, parameters: ["purpose": purpose.rawValue]),
    ])
  }

  /// The media listed for a purpose and tab, newest first.
  static func items(_ screen: AppScreenContext, purpose: Purpose) -> [MediaStoreEntry] {
    let media = screen.state.environment.media
    guard purpose == .post else { return media.filter { $0.kind == .photo } }
    switch screen.state.values[tabKey] {
    case "Videos": return media.filter { $0.kind == .video }
    case "Photos": return media.filter { $0.kind == .photo }
    default: return media
    }
  }

  /// What tapping an item does.
  static func pick(_ item: MediaStoreEntry, purpose: Purpose, multiple: Bool) -> AppAction {
    switch purpose {
    case .comment: return .all([.update { $0.values[TikTokComments.imageKey] = item.path }, .back])
    case .avatar:
      return .all([.update { $0.tiktok.current.profile.avatar = item.path }, .popTo(TikTok.Screen.editProfile)])
    case .post where multiple:
      return .update { state in
        var selection = state.lists[selectionKey] ?? []
        if let index = selection.firstIndex(of: item.path) {
          selection.remove(at: index)
        } else {
          selection.append(item.path)
        }
        state.lists[selectionKey] = selection
      }
    case .post: return .all([.update { $0.lists[TikTokDraft.mediaKey] = [item.path] }, .open(TikTok.Screen.editor)])
    }
  }

  /// `00:15` for a video (its length, derived from the path), nil for a photo.
  static func lengthLabel(_ item: MediaStoreEntry) -> String? {
    guard item.kind == .video else { return nil }
    let seconds = 5 + TikTokWorld.pick(55, "length", item.path)
    return seconds < 10 ? "00:0\(seconds)" : "00:\(seconds)"
  }
}

extension TikTokUI {
  var galleryScreen: AppScreen {
    AppScreen(TikTok.Screen.gallery) { screen in
      let layout = screen.layout
      var column = layout.column()
      let purpose = TikTokGallery.Purpose(rawValue: screen.parameter("purpose") ?? "") ?? .post
      let multiple = purpose == .post && screen.isOn(TikTokGallery.multipleFlag)
      let selection = screen.items(TikTokGallery.selectionKey)
      let items = TikTokGallery.items(screen, purpose: purpose)
      let bar = column.next(height: layout.dp(48))
      var views = [
        AppElement(
          className: "android.widget.ImageView", id: ids("gallery_close"), contentDescription: "Close",
          frame: UIRect(left: bar.left, top: bar.top, right: bar.left + bar.height, bottom: bar.bottom),
          clickable: true, onTap: .back),
        albumPicker(
          screen, frame: UIRect(x: bar.center.x - layout.dp(72), y: bar.top, width: layout.dp(144), height: bar.height)),
      ]
      if purpose == .post {
        let selected = screen.state.values[TikTokGallery.tabKey] ?? "All"
        let tabs = zip(["All", "Videos", "Photos"], column.next(height: layout.dp(44)).columns(3)).map { title, cell in
          AppElement(
            className: "android.widget.FrameLayout", contentDescription: title, frame: cell, clickable: true,
            children: [screen.text(title, frame: cell).with { $0.selected = title == selected }],
            onTap: .update { $0.values[TikTokGallery.tabKey] = title }
          ).with { $0.selected = title == selected }
        }
        views.append(
          screen.container(
            id: ids("gallery_tabs"),
            frame: tabs.first.map {
              UIRect(left: layout.content.left, top: $0.frame.top, right: layout.content.right, bottom: $0.frame.bottom)
            } ?? bar, children: tabs))
      }
      let footer = purpose == .post ? layout.dp(64) : 0
      views.append(
        mediaGrid(
          screen, frame: column.rest(reserving: footer), items: items, purpose: purpose, multiple: multiple,
          selection: selection))
      if purpose == .post {
        views.append(galleryFooter(screen, frame: column.rest(), multiple: multiple, selection: selection))
      }
      return views
    }
  }

  /// The album name (`Recents`) with its drop-down arrow (`Down`).
  private func albumPicker(_ screen: AppScreenContext, frame: UIRect) -> AppElement {
    let layout = screen.layout
    let arrow = UIRect(
      left: frame.right - layout.dp(24), top: frame.top + layout.dp(16), right: frame.right - layout.dp(8),
      bottom: frame.bottom - layout.dp(16))
    return AppElement(
      className: "android.widget.LinearLayout", id: ids("gallery_album"), frame: frame, clickable: true,
      children: [
        screen.text(
          "Recents", id: ids("gallery_album_name"),
          frame: UIRect(left: frame.left, top: frame.top, right: arrow.left, bottom: frame.bottom)),
        AppElement(className: "android.widget.ImageView", contentDescription: "Down", frame: arrow),
      ])
  }

  private func mediaGrid(
    _ screen: AppScreenContext, frame: UIRect, items: [MediaStoreEntry], purpose: TikTokGallery.Purpose, multiple: Bool,
    selection: [String]
  ) -> AppElement {
    var videos = 0
    var photos = 0
    let names = items.map { item in
      if item.kind == .video {
        videos += 1
        return "Video \(videos + photos)"
      }
      photos += 1
      return "Photo \(videos + photos)"
    }
    let layout = screen.layout
    var element = grid(screen, role: "gallery_grid", frame: frame, count: items.count) { index, cell in
      let item = items[index]
      var extras: [AppElement] = []
      if multiple {
        // In Select multiple mode each cell carries a check box, checked when selected.
        let box = UIRect(
          left: cell.right - layout.dp(32), top: cell.top + layout.dp(6), right: cell.right - layout.dp(6),
          bottom: cell.top + layout.dp(32))
        extras.append(
          AppElement(className: "android.widget.CheckBox", id: ids("gallery_check"), frame: box).with {
            $0.checkable = true
            $0.checked = selection.contains(item.path)
          })
      }
      return GridCell(
        description: names[index], label: TikTokGallery.lengthLabel(item),
        action: TikTokGallery.pick(item, purpose: purpose, multiple: multiple), extras: extras)
    }
    element.className = "android.widget.GridView"
    return element
  }

  private func galleryFooter(_ screen: AppScreenContext, frame: UIRect, multiple: Bool, selection: [String])
    -> AppElement
  {
    let layout = screen.layout
    let halves = frame.insetBy(dx: layout.dp(12), dy: layout.dp(8)).columns(2, spacing: layout.dp(12))
    let toggle = AppAction.update { state in
      state.toggle(TikTokGallery.multipleFlag)
      state.lists[TikTokGallery.selectionKey] = []
    }
    return screen.container(
      id: ids("gallery_footer"), frame: frame,
      children: [
        AppElement(
          className: "android.widget.RelativeLayout", id: ids("gallery_multiple"), frame: halves[0], clickable: true,
          children: [
            AppElement(
              className: "android.widget.CheckBox", id: ids("gallery_multiple_box"),
              frame: UIRect(
                left: halves[0].left, top: halves[0].top + layout.dp(8), right: halves[0].left + layout.dp(24),
                bottom: halves[0].bottom - layout.dp(8))
            ).with {
              $0.checkable = true
              $0.checked = multiple
            },
            screen.text(
              "Select multiple", id: ids("gallery_multiple_label"),
              frame: UIRect(
                left: halves[0].left + layout.dp(32), top: halves[0].top, right: halves[0].right,
                bottom: halves[0].bottom)),
          ],
          onTap: toggle),
        screen.button(
          "Next", id: ids("gallery_next"), frame: halves[1], enabled: !selection.isEmpty,
          action: .all([
            .update { $0.lists[TikTokDraft.mediaKey] = $0.lists[TikTokGallery.selectionKey] ?? [] },
            .open(TikTok.Screen.editor),
          ])),
      ])
  }
}
