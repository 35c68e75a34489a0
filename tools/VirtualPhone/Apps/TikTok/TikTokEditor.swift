/// The editor after the gallery: `Back`, the sound chip (`Add sound`, or the picked sound),
/// the tools `Text`, `Stickers`, `Effects`, `Filters`, and at the bottom `Your Story` and
/// `Next` (the post screen). The sound list (`sounds`) has a search field (hint `Search`) and
/// rows of sound names; a tap picks the sound for the post.
enum TikTokSounds {
  /// The sound search field.
  static let field = "sound.search"

  /// The sounds matching a query (all when empty), case-insensitively.
  static func matching(_ query: String) -> [String] {
    let query = query.trimmingSpaces.lowercased()
    guard !query.isEmpty else { return TikTokWorld.sounds }
    return TikTokWorld.sounds.filter { $0.lowercased().contains(query) }
  }
}

extension TikTokUI {
  var editorScreen: AppScreen {
    AppScreen(TikTok.Screen.editor) { screen in
      let layout = screen.layout
      let content = layout.content
      var tools = AppColumn(
        left: content.right - layout.dp(72), right: content.right, top: content.top + layout.dp(72),
        bottom: content.bottom)
      let bottom = UIRect(
        left: content.left, top: content.bottom - layout.dp(64), right: content.right, bottom: content.bottom
      )
      .insetBy(dx: layout.dp(12), dy: layout.dp(8)).columns(2, spacing: layout.dp(12))
      let media = screen.items(TikTokDraft.mediaKey)
      var views = [
        backButton(
          screen,
          frame: UIRect(
            x: content.left + layout.dp(4), y: content.top + layout.dp(8), width: layout.dp(48), height: layout.dp(48))),
        soundChip(
          screen,
          frame: UIRect(
            x: content.center.x - layout.dp(90), y: content.top + layout.dp(10), width: layout.dp(180),
            height: layout.dp(44))),
        AppElement(
          className: "android.widget.ImageView", id: ids("editor_preview"),
          contentDescription: media.isEmpty ? "" : "\(media.count) selected",
          frame: UIRect(
            left: content.left + layout.dp(24), top: content.top + layout.dp(72), right: tools.left - layout.dp(8),
            bottom: bottom[0].top - layout.dp(16))),
      ]
      views += ["Text", "Stickers", "Effects", "Filters"].map { name in
        let frame = tools.next(height: layout.dp(64))
        return AppElement(
          className: "android.widget.Button", id: ids("editor_tool"), contentDescription: name, frame: frame,
          clickable: true,
          children: [
            screen.text(
              name, id: ids("editor_tool_label"),
              frame: UIRect(
                left: frame.left, top: frame.bottom - layout.dp(20), right: frame.right, bottom: frame.bottom))
          ])
      }
      views.append(
        AppElement(
          className: "android.widget.FrameLayout", id: ids("editor_story"), frame: bottom[0], clickable: true,
          children: [
            screen.text(
              "Your Story", id: ids("editor_story_label"), frame: bottom[0].insetBy(dx: layout.dp(16), dy: layout.dp(8))
            )
          ]))
      views.append(
        AppElement(
          className: "android.widget.LinearLayout", id: ids("editor_next"), frame: bottom[1], clickable: true,
          children: [
            screen.text(
              "Next", id: ids("editor_next_label"), frame: bottom[1].insetBy(dx: layout.dp(16), dy: layout.dp(8)))
          ],
          onTap: .open(TikTok.Screen.post)))
      return views
    }
  }

  var soundsScreen: AppScreen {
    AppScreen(TikTok.Screen.sounds) { screen in
      let layout = screen.layout
      var column = layout.column()
      let bar = column.next(height: layout.dp(52))
      let sounds = TikTokSounds.matching(screen.text(of: TikTokSounds.field))
      var views = [
        AppElement(
          className: "android.widget.ImageView", id: ids("sounds_close"), contentDescription: "Close",
          frame: UIRect(left: bar.left, top: bar.top, right: bar.left + bar.height, bottom: bar.bottom),
          clickable: true, onTap: .back),
        screen.text("Sounds", id: ids("sounds_title"), frame: bar.insetBy(dx: layout.dp(72), dy: layout.dp(10))),
        screen.editText(
          id: ids("sounds_search"), field: TikTokSounds.field, hint: "Search",
          frame: column.next(height: layout.dp(52)).insetBy(dx: layout.dp(16), dy: layout.dp(6))),
      ]
      guard !sounds.isEmpty else {
        return views + [
          screen.text(
            "No results found", id: ids("sounds_empty"),
            frame: column.next(height: layout.dp(64)).insetBy(dx: layout.dp(32), dy: layout.dp(12)))
        ]
      }
      views.append(
        screen.list(id: ids("sounds_list"), frame: column.rest(), rowHeight: layout.dp(64), count: sounds.count) {
          index, frame in
          row(
            screen, role: "sounds_row", title: sounds[index], detail: "00:30", frame: frame,
            action: .all([.update { $0.values[TikTokDraft.soundKey] = sounds[index] }, .back]))
        })
      return views
    }
  }
}
