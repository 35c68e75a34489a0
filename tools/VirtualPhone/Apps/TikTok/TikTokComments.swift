/// The comments sheet of a video (route parameters `user` and `id`): a header `N comments`, a
/// `Close` button, rows (author, text, age, `Reply`; the phone's own comments first, newest on
/// top), and the composer: an EditText showing `Add comment...` while empty, `Add image` (the
/// gallery's photos; the picked one is attached), and `Post comment`, which appears once
/// there is text or an image. ENTER posts too. Tapping above the sheet closes it.
enum TikTokComments {
  /// The composer's field.
  static let field = "comment"
  /// The value holding the attached image's path.
  static let imageKey = "comment.image"
  /// The composer's hint.
  static let hint = "Add comment..."

  /// Posts the composer's text (and image) as the account in use, then empties the composer.
  static func post(video: String) -> AppAction {
    .update { state in
      let text = (state.fields[field] ?? "").trimmingSpaces
      let image = state.values[imageKey]
      guard !text.isEmpty || image != nil else { return }
      state.tiktok.current.comments.append(
        TikTokComment(video: video, author: state.tiktok.currentHandle, text: text, image: image))
      state.fields[field] = ""
      state.values[imageKey] = nil
      state.focusedField = nil
      state.isKeyboardShown = false
    }
  }
}

extension TikTokUI {
  var commentsScreen: AppScreen {
    AppScreen(TikTok.Screen.comments) { screen in
      let layout = screen.layout
      let content = layout.content
      let videoID = screen.parameter("id") ?? ""
      let store = screen.tiktok
      let base = TikTokWorld.video(id: videoID, author: screen.parameter("user") ?? "")?.comments ?? 0
      let own = Array(store.comments(onVideo: videoID).reversed())
      let world = TikTokWorld.comments(onVideo: videoID)
      let sheet = UIRect(
        left: content.left, top: content.top + content.height * 3 / 10, right: content.right, bottom: content.bottom)
      var column = AppColumn(left: sheet.left, right: sheet.right, top: sheet.top, bottom: sheet.bottom)
      let header = column.next(height: layout.dp(48))
      let image = screen.state.values[TikTokComments.imageKey]
      let composerHeight = layout.dp(56) + (image == nil ? 0 : layout.dp(64))
      let listFrame = column.rest(reserving: composerHeight)
      let composerFrame = UIRect(left: sheet.left, top: listFrame.bottom, right: sheet.right, bottom: sheet.bottom)
      let rows =
        own.map {
          (store.accounts[$0.author]?.profile.nickname ?? $0.author, $0.author, $0.text, "now", $0.image != nil)
        }
        + world.map { ($0.author.nickname, $0.author.handle, $0.text, $0.age, false) }
      return [
        AppElement(
          className: "android.view.View", id: ids("comments_outside"),
          frame: UIRect(left: content.left, top: content.top, right: content.right, bottom: sheet.top), clickable: true,
          onTap: .back),
        AppElement(
          className: "android.widget.FrameLayout", id: ids("comments_sheet"), frame: sheet,
          children: [
            screen.text(
              "\(TikTokWorld.formatCount(base + own.count)) comments", id: ids("comments_header"),
              frame: header.insetBy(dx: layout.dp(120), dy: layout.dp(8))),
            AppElement(
              className: "android.widget.ImageView", id: ids("comments_close"), contentDescription: "Close",
              frame: UIRect(
                left: header.right - layout.dp(48), top: header.top, right: header.right, bottom: header.bottom),
              clickable: true, onTap: .back),
            screen.list(id: ids("comments_list"), frame: listFrame, rowHeight: layout.dp(88), count: rows.count) {
              index, frame in
              let row = rows[index]
              return commentRow(
                screen, name: row.0, handle: row.1, text: row.2, age: row.3, hasImage: row.4, frame: frame)
            },
            commentComposer(screen, frame: composerFrame, video: videoID, image: image),
          ]),
      ]
    }
  }

  private func commentRow(
    _ screen: AppScreenContext, name: String, handle: String, text: String, age: String, hasImage: Bool, frame: UIRect
  ) -> AppElement {
    let layout = screen.layout
    let left = frame.left + layout.dp(60)
    let right = frame.right - layout.dp(16)
    var column = AppColumn(left: left, right: right, top: frame.top + layout.dp(8), bottom: frame.bottom)
    let nameFrame = column.next(height: layout.dp(20))
    let body = column.next(height: layout.dp(28))
    let footer = column.next(height: layout.dp(24))
    var children = [
      AppElement(
        className: "android.widget.ImageView", id: ids("comment_avatar"),
        frame: UIRect(
          x: frame.left + layout.dp(12), y: frame.top + layout.dp(8), width: layout.dp(40), height: layout.dp(40))),
      AppElement(
        className: "android.widget.Button", id: "title", text: name, frame: nameFrame, clickable: true,
        onTap: TikTokActions.openProfile(handle)),
      screen.text(text, id: ids("comment_text"), frame: body),
      screen.text(
        age, id: ids("comment_age"),
        frame: UIRect(left: footer.left, top: footer.top, right: footer.left + layout.dp(48), bottom: footer.bottom)),
      screen.button(
        "Reply", id: ids("comment_reply"),
        frame: UIRect(
          left: footer.left + layout.dp(56), top: footer.top, right: footer.left + layout.dp(112), bottom: footer.bottom
        ), action: nil),
    ]
    if hasImage {
      children.append(
        AppElement(
          className: "android.widget.ImageView", id: ids("comment_image"), contentDescription: "Comment image",
          frame: UIRect(left: right - layout.dp(40), top: body.top, right: right, bottom: footer.bottom)))
    }
    return screen.container("android.widget.FrameLayout", id: ids("comment_row"), frame: frame, children: children)
  }

  private func commentComposer(_ screen: AppScreenContext, frame: UIRect, video: String, image: String?) -> AppElement {
    let layout = screen.layout
    var column = AppColumn(left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom)
    var children: [AppElement] = []
    if image != nil {
      let preview = column.next(height: layout.dp(64)).insetBy(dx: layout.dp(16), dy: layout.dp(4))
      children.append(
        AppElement(
          className: "android.widget.ImageView", id: ids("composer_image"), contentDescription: "Attached image",
          frame: UIRect(
            left: preview.left, top: preview.top, right: preview.left + preview.height, bottom: preview.bottom)))
      children.append(
        screen.imageButton(
          description: "Remove image", id: ids("composer_remove_image"),
          frame: UIRect(
            left: preview.left + preview.height, top: preview.top, right: preview.left + preview.height + layout.dp(32),
            bottom: preview.top + layout.dp(32)),
          action: .update { $0.values[TikTokComments.imageKey] = nil }))
    }
    let bar = column.rest().insetBy(dx: layout.dp(12), dy: layout.dp(6))
    let icon = layout.dp(40)
    let hasContent = !screen.text(of: TikTokComments.field).trimmingSpaces.isEmpty || image != nil
    let iconCount = hasContent ? 3 : 2
    let fieldRight = bar.right - icon * iconCount - layout.dp(8)
    children.append(
      screen.editText(
        id: ids("composer_input"), field: TikTokComments.field, hint: TikTokComments.hint,
        frame: UIRect(left: bar.left, top: bar.top, right: fieldRight, bottom: bar.bottom),
        onSubmit: TikTokComments.post(video: video)))
    var x = fieldRight + layout.dp(8)
    func iconFrame() -> UIRect {
      defer { x += icon }
      return UIRect(left: x, top: bar.top, right: x + icon, bottom: bar.bottom)
    }
    children.append(
      screen.imageButton(
        description: "Add image", id: ids("composer_add_image"), frame: iconFrame(),
        action: .open(TikTok.Screen.gallery, parameters: ["purpose": TikTokGallery.Purpose.comment.rawValue])))
    children.append(
      AppElement(
        className: "android.widget.ImageView", id: ids("composer_mention"), contentDescription: "Mention someone",
        frame: iconFrame(),
        clickable: true))
    if hasContent {
      children.append(
        screen.button(
          "", id: ids("composer_post"), description: "Post comment", frame: iconFrame(),
          action: TikTokComments.post(video: video)))
    }
    return screen.container(id: ids("comment_composer"), frame: frame, children: children)
  }
}
