/// The inbox (bottom navigation `Inbox`): the title `Inbox`, the rows `New followers`,
/// `Activity` and `System notifications`, then one row per conversation (`@handle` and the
/// last message). A conversation (a profile's `Message`, or an inbox row) lists the messages
/// sent, with an EditText `Send a message...` and a `Send` button (ENTER sends too).
extension TikTokUI {
  /// The composer's field.
  static let messageField = "message"

  var inboxScreen: AppScreen {
    AppScreen(TikTok.Screen.inbox) { screen in
      let layout = screen.layout
      var column = layout.column()
      column.bottom -= Self.navigationHeight(layout)
      var views = [
        screen.text(
          "Inbox", id: ids("inbox_title"),
          frame: column.next(height: layout.dp(52)).insetBy(dx: layout.dp(120), dy: layout.dp(10)))
      ]
      for (title, detail) in [
        ("New followers", "See who followed you"), ("Activity", "Likes, comments and mentions"),
        ("System notifications", "TikTok: account updates"),
      ] {
        views.append(
          row(
            screen, role: "inbox_section", title: title, detail: detail, frame: column.next(height: layout.dp(64)),
            action: nil))
      }
      let account = screen.account
      let conversations = account.conversations
      views.append(
        screen.list(
          id: ids("inbox_conversations"), frame: column.rest(), rowHeight: layout.dp(64), count: conversations.count
        ) { index, frame in
          let handle = conversations[index]
          let last = account.messages.last { $0.to == handle }?.text ?? ""
          return row(
            screen, role: "inbox_conversation", title: "@\(handle)", detail: last, frame: frame,
            action: TikTokActions.openConversation(handle))
        })
      views.append(bottomNavigation(screen, selected: .inbox))
      return views
    }
  }

  var conversationScreen: AppScreen {
    AppScreen(TikTok.Screen.conversation) { screen in
      let layout = screen.layout
      var column = layout.column()
      let handle = TikTokWorld.normalized(screen.parameter("user") ?? "")
      let user = TikTokUser(handle: handle)
      let bar = column.next(height: layout.dp(56))
      let texts = screen.account.messages.filter { $0.to == handle }.map(\.text)
      let composer = UIRect(
        left: column.left, top: column.bottom - layout.dp(60), right: column.right, bottom: column.bottom
      )
      .insetBy(dx: layout.dp(12), dy: layout.dp(8))
      let send = UIRect(
        left: composer.right - layout.dp(48), top: composer.top, right: composer.right, bottom: composer.bottom)
      let sendAction = Self.sendMessage(to: handle)
      return [
        backButton(
          screen, frame: UIRect(left: bar.left, top: bar.top, right: bar.left + bar.height, bottom: bar.bottom)),
        screen.text(
          user.nickname, id: ids("conversation_name"),
          frame: UIRect(
            left: bar.left + layout.dp(64), top: bar.top + layout.dp(4), right: bar.right - layout.dp(64),
            bottom: bar.center.y)),
        screen.text(
          "@\(handle)", id: ids("conversation_handle"),
          frame: UIRect(
            left: bar.left + layout.dp(64), top: bar.center.y, right: bar.right - layout.dp(64),
            bottom: bar.bottom - layout.dp(4))),
        screen.list(
          id: ids("conversation_messages"), frame: column.rest(reserving: layout.dp(60)), rowHeight: layout.dp(48),
          count: texts.count
        ) { index, frame in
          screen.text(
            texts[index], id: ids("conversation_message"), frame: frame.insetBy(dx: layout.dp(16), dy: layout.dp(6)))
        },
        screen.editText(
          id: ids("conversation_input"), field: Self.messageField, hint: "Send a message...",
          frame: UIRect(
            left: composer.left, top: composer.top, right: send.left - layout.dp(8), bottom: composer.bottom),
          onSubmit: sendAction),
        screen.button("", id: ids("conversation_send"), description: "Send", frame: send, action: sendAction),
      ]
    }
  }

  /// Sends the composer's text to `handle` as the account in use.
  static func sendMessage(to handle: String) -> AppAction {
    .update { state in
      let text = (state.fields[messageField] ?? "").trimmingSpaces
      guard !text.isEmpty else { return }
      state.tiktok.current.messages.append(TikTokMessage(to: handle, text: text))
      state.fields[messageField] = ""
    }
  }
}
