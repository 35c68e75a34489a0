/// The post screen: `Back`, the cover, the EditTexts `Add a catchy title` and
/// `Writing a long description...`, `Hashtag` and `Mention`, the rows `Location`, `Add link`,
/// `Everyone can view this post` and `More options`, and the Buttons `Drafts` and `Post`.
/// `Post` starts the upload and returns to the feed, which shows its progress; the post exists
/// once the upload has finished (``TikTokConfiguration/uploadDuration``). `Drafts` drops the
/// draft and returns to the feed.
extension TikTokUI {
  /// The title field's hint.
  static let titleHint = "Add a catchy title"
  /// The description field's hint.
  static let descriptionHint = "Writing a long description..."

  var postScreen: AppScreen {
    AppScreen(TikTok.Screen.post) { screen in
      let layout = screen.layout
      var column = layout.column()
      let bar = column.next(height: layout.dp(52))
      let cover = column.next(height: layout.dp(120)).insetBy(dx: layout.dp(16), dy: layout.dp(8))
      let coverFrame = UIRect(
        left: cover.left, top: cover.top, right: cover.left + cover.height * 3 / 4, bottom: cover.bottom)
      let tags = column.next(height: layout.dp(44)).insetBy(dx: layout.dp(16), dy: layout.dp(4)).columns(
        4, spacing: layout.dp(8))
      var views = [
        backButton(
          screen, frame: UIRect(left: bar.left, top: bar.top, right: bar.left + bar.height, bottom: bar.bottom)),
        AppElement(
          className: "android.widget.ImageView", id: ids("post_cover"), frame: coverFrame, clickable: true,
          children: [
            screen.text(
              "Cover", id: ids("post_cover_label"),
              frame: UIRect(
                left: coverFrame.left, top: coverFrame.bottom - layout.dp(22), right: coverFrame.right,
                bottom: coverFrame.bottom))
          ]),
        screen.editText(
          id: ids("post_title"), field: TikTokDraft.titleField, hint: Self.titleHint,
          frame: UIRect(
            left: coverFrame.right + layout.dp(12), top: cover.top, right: cover.right,
            bottom: cover.top + layout.dp(36))),
        screen.editText(
          id: ids("post_description"), field: TikTokDraft.descriptionField, hint: Self.descriptionHint,
          frame: UIRect(
            left: coverFrame.right + layout.dp(12), top: cover.top + layout.dp(40), right: cover.right,
            bottom: cover.bottom)),
        screen.button("", id: ids("post_hashtag"), description: "Hashtag", frame: tags[0], action: nil),
        screen.button("Mention", id: ids("post_mention"), frame: tags[1], action: nil),
        row(screen, role: "post_location", title: "Location", frame: column.next(height: layout.dp(52)), action: nil),
      ]
      for title in ["Add link", "Everyone can view this post"] {
        views.append(
          row(screen, role: "post_option", title: title, frame: column.next(height: layout.dp(52)), action: nil).with {
            $0.className = "android.widget.Button"
            $0.contentDescription = title
            $0.clickable = true
          })
      }
      views.append(
        row(screen, role: "post_more", title: "More options", frame: column.next(height: layout.dp(52)), action: nil))
      let buttons = column.rest().insetBy(dx: 0, dy: 0)
      let bottom = UIRect(
        left: buttons.left, top: buttons.bottom - layout.dp(60), right: buttons.right, bottom: buttons.bottom
      )
      .insetBy(dx: layout.dp(12), dy: layout.dp(8)).columns(2, spacing: layout.dp(8))
      views.append(
        screen.button(
          "Drafts", id: ids("post_drafts"), frame: bottom[0],
          action: .all([.update(TikTokDraft.clear), .popTo(TikTok.Screen.feed)])))
      views.append(
        screen.button(
          "Post", id: ids("post_publish"), frame: bottom[1], action: .all([publish, .popTo(TikTok.Screen.feed)])))
      return views
    }
  }

  /// Starts the upload of the draft as the account in use, then forgets the draft.
  private var publish: AppAction {
    let duration = configuration.uploadDuration
    return .update { state in
      let now = state.environment.now
      state.tiktok.current.posts.append(
        TikTokPost(
          title: state.fields[TikTokDraft.titleField] ?? "",
          description: state.fields[TikTokDraft.descriptionField] ?? "",
          media: state.lists[TikTokDraft.mediaKey] ?? [], sound: state.values[TikTokDraft.soundKey], startedAt: now,
          publishedAt: now + duration))
      TikTokDraft.clear(&state)
    }
  }
}
