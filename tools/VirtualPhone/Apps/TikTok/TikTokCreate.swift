/// Create (+): the camera with `Add sound`, the lengths `10m`, `60s`, `15s`, the modes `PHOTO`,
/// `TEXT`, `CREATE`, `POST`, and `Upload`, which opens the gallery. The media and sound picked
/// on the way to the post screen are the draft.
enum TikTokDraft {
  /// The picked media paths, in order.
  static let mediaKey = "draft.media"
  /// The picked sound.
  static let soundKey = "draft.sound"
  /// The post screen's title field.
  static let titleField = "post.title"
  /// The post screen's description field.
  static let descriptionField = "post.description"

  /// Forgets the draft.
  static func clear(_ state: inout AppState) {
    state.lists[mediaKey] = nil
    state.values[soundKey] = nil
    state.fields[titleField] = ""
    state.fields[descriptionField] = ""
  }

  /// Opens Create with an empty draft.
  static let start = AppAction.all([.update(clear), .open(TikTok.Screen.create)])
}

extension TikTokUI {
  var createScreen: AppScreen {
    AppScreen(TikTok.Screen.create) { screen in
      let layout = screen.layout
      let content = layout.content
      let icon = layout.dp(48)
      let side = content.right - layout.dp(56)
      var tools = AppColumn(left: side, right: content.right, top: content.top + layout.dp(16), bottom: content.bottom)
      let lengths = UIRect(
        left: content.left, top: content.bottom - layout.dp(180), right: content.right,
        bottom: content.bottom - layout.dp(148))
      let modes = UIRect(
        left: content.left, top: content.bottom - layout.dp(48), right: content.right, bottom: content.bottom)
      let record = UIRect(
        x: content.center.x - layout.dp(40), y: lengths.bottom + layout.dp(12), width: layout.dp(80),
        height: layout.dp(80))
      let upload = UIRect(
        left: content.right - layout.dp(88), top: record.top, right: content.right - layout.dp(16),
        bottom: record.bottom)
      var views = [
        AppElement(
          className: "android.widget.ImageView", id: ids("create_close"), contentDescription: "Close",
          frame: UIRect(x: content.left + layout.dp(12), y: content.top + layout.dp(12), width: icon, height: icon),
          clickable: true, onTap: .back),
        soundChip(
          screen,
          frame: UIRect(
            x: content.center.x - layout.dp(64), y: content.top + layout.dp(16), width: layout.dp(128),
            height: layout.dp(44))),
      ]
      views += ["Flip", "Flash", "Timer", "Retouch"].map { name in
        AppElement(
          className: "android.widget.Button", id: ids("create_tool"), contentDescription: name,
          frame: tools.next(height: layout.dp(52)),
          clickable: true)
      }
      views.append(
        tabRow(
          screen, role: "create_lengths", frame: lengths, titles: ["10m", "60s", "15s", "PHOTO", "TEXT"],
          selected: "60s"))
      views.append(
        AppElement(
          className: "android.widget.Button", id: ids("create_record"), contentDescription: "Record video",
          frame: record, clickable: true))
      views.append(
        AppElement(
          className: "android.widget.LinearLayout", id: ids("create_upload"), contentDescription: "Upload",
          frame: upload, clickable: true,
          children: [
            AppElement(
              className: "android.widget.ImageView", id: ids("create_upload_thumb"),
              frame: upload.insetBy(dx: layout.dp(12), dy: layout.dp(8))),
            screen.text(
              "Upload", id: ids("create_upload_label"),
              frame: UIRect(
                left: upload.left, top: upload.bottom - layout.dp(20), right: upload.right, bottom: upload.bottom)),
          ],
          onTap: TikTokGallery.open(.post)))
      views.append(tabRow(screen, role: "create_modes", frame: modes, titles: ["CREATE", "POST"], selected: "POST"))
      return views
    }
  }

  /// The `Add sound` chip (the sound's name once one is picked); it opens the sound list.
  func soundChip(_ screen: AppScreenContext, frame: UIRect) -> AppElement {
    let layout = screen.layout
    let sound = screen.state.values[TikTokDraft.soundKey]
    return AppElement(
      className: "android.widget.Button", id: ids("sound_chip"), contentDescription: "Add sound", frame: frame,
      clickable: true,
      children: [
        AppElement(
          className: "android.widget.ImageView", id: ids("sound_chip_icon"), contentDescription: "Music",
          frame: UIRect(
            left: frame.left + layout.dp(8), top: frame.top + layout.dp(12), right: frame.left + layout.dp(28),
            bottom: frame.bottom - layout.dp(12))),
        screen.text(
          sound ?? "Add sound", id: ids("sound_chip_label"),
          frame: UIRect(left: frame.left + layout.dp(32), top: frame.top, right: frame.right, bottom: frame.bottom)),
      ],
      onTap: TikTokActions.open(TikTok.Screen.sounds, focusing: TikTokSounds.field)
    ).with { $0.focusable = true }
  }

  /// A row of label tabs (TextViews), one of them selected.
  func tabRow(_ screen: AppScreenContext, role: String, frame: UIRect, titles: [String], selected: String) -> AppElement
  {
    let cells = zip(titles, frame.columns(titles.count)).map { title, cell in
      screen.text(title, id: ids("\(role)_item"), frame: cell).with { $0.selected = title == selected }
    }
    return screen.container(id: ids(role), frame: frame, children: cells)
  }
}
