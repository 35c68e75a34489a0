/// A small app that uses every feature of the app-model engine, installed with
/// `VirtualPhone.Configuration(apps: [.testApp])` or `virtual-phone --app testapp` (the
/// executable installs ``TikTok`` by default). It is what UI-automation tests drive, and a
/// worked example for writing new models (``TikTok`` is the full-size one).
///
/// Screens (content ids are `com.droidmatrix.testapp:id/NAME`):
/// - `home` (root): toolbar "DroidMatrix Test"; `follow_button` (Follow ↔ Following, flag
///   `following`); `open_details` (opens `detail`); `notifications_checkbox` (flag
///   `notifications`); `message_input` (EditText, hint "Write a message…", field `message`,
///   ENTER sends); `send_button` (enabled once the field has text; appends it to the list `sent`
///   and empties the field); the last three sent messages (`sent_message`); and `item_list`, a
///   RecyclerView of 30 `item_row`s ("Item 1"…"Item 30", about 8 visible), each with
///   `item_title`, `item_subtitle` and a `like_button` (content-desc "Like Item N", selected
///   when flag `liked:N` is on). A row opens `item`; a long press pins it (flag `pinned:N`,
///   subtitle "Pinned").
/// - `detail`: toolbar "Details" with "Navigate up"; `play_button` (Play ↔ Pause, flag
///   `playing`: while playing the screen never goes idle, so `uiautomator dump` fails with
///   "could not get idle state"); `pager` ("Page N"; swipe left for the next page, right for
///   the previous).
/// - `item` (parameter `n`): toolbar "Item N"; `item_detail_title`, `item_detail_body`,
///   `like_button` (Like ↔ Liked, flag `liked:N`); "Item not found" (`not_found`) for a bad N.
///
/// Deep links: `droidmatrix://item/<n>` opens `item`, `droidmatrix://details` opens `detail`.
/// Pop-ups (with ``model(popupChance:seed:)``): "Update available" and a notification
/// permission request.
public enum TestApp {
  /// The package name.
  public static let package = "com.droidmatrix.testapp"
  /// The launcher label.
  public static let label = "DroidMatrix Test"
  /// How many rows `item_list` has.
  public static let itemCount = 30
  /// The hint of `message_input`.
  public static let messageHint = "Write a message\u{2026}"

  /// The model.
  /// - Parameters:
  ///   - popupChance: the probability of a pop-up at each screen change (0 by default).
  ///   - seed: fixes which screen changes get one.
  public static func model(popupChance: Double = 0, seed: UInt64 = 1) -> AppModel {
    AppModel(
      package: package, label: label, versionName: "1.0.0", versionCode: 100, launchActivity: ".MainActivity",
      rootScreen: "home", screens: [home, detail, item],
      deepLinks: [
        AppDeepLink("droidmatrix://item/{n}", screen: "item"), AppDeepLink("droidmatrix://details", screen: "detail"),
      ],
      initialState: AppState(values: ["page": "1"]),
      popups: AppPopupPolicy(
        chance: popupChance, seed: seed,
        catalog: [.updateAvailable(appLabel: label), .permission(appLabel: label, request: "send you notifications")]))
  }

  /// Sends the message field: appends it to the list `sent` and empties the field.
  static let send = AppAction.update { state in
    guard let text = state.fields["message"], !text.isEmpty else { return }
    state.lists["sent", default: []].append(text)
    state.fields["message"] = ""
  }

  // MARK: - Screens

  static let home = AppScreen("home") { screen in
    let layout = screen.layout
    var column = layout.column()
    let toolbar = screen.toolbar(title: label, frame: column.next(height: layout.dp(56)), showsUp: false)
    let actionRow = column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(4))
    let actions = actionRow.columns(2, spacing: layout.dp(16))
    let checkbox = column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)
    let composer = column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(4))
    let sendWidth = layout.dp(88)
    let input = UIRect(
      left: composer.left, top: composer.top, right: composer.right - sendWidth - layout.dp(8), bottom: composer.bottom)
    let sendFrame = UIRect(
      left: composer.right - sendWidth, top: composer.top, right: composer.right, bottom: composer.bottom)
    let sentArea = column.next(height: layout.dp(96))
    let messages = screen.items("sent").suffix(3)
    var sentColumn = AppColumn(
      left: sentArea.left + layout.dp(16), right: sentArea.right - layout.dp(16), top: sentArea.top,
      bottom: sentArea.bottom)
    let sent = messages.map { screen.text($0, id: "sent_message", frame: sentColumn.next(height: layout.dp(32))) }
    return [
      toolbar,
      screen.container(
        frame: actionRow,
        children: [
          screen.toggleButton(
            id: "follow_button", frame: actions[0], flag: "following", on: "Following", off: "Follow"),
          screen.button("Open details", id: "open_details", frame: actions[1], action: .open("detail")),
        ]),
      screen.checkBox("Notifications", id: "notifications_checkbox", frame: checkbox, flag: "notifications"),
      screen.container(
        frame: composer,
        children: [
          screen.editText(id: "message_input", field: "message", hint: messageHint, frame: input, onSubmit: send),
          screen.button(
            "Send", id: "send_button", frame: sendFrame, enabled: !screen.text(of: "message").isEmpty, action: send),
        ]),
      screen.container(id: "sent_messages", frame: sentArea, children: Array(sent)),
      screen.list(id: "item_list", frame: column.rest(), rowHeight: layout.dp(64), count: itemCount) { index, frame in
        itemRow(index + 1, frame: frame, screen: screen)
      },
    ]
  }

  static func itemRow(_ number: Int, frame: UIRect, screen: AppScreenContext) -> AppElement {
    let layout = screen.layout
    let heart = UIRect(left: frame.right - layout.dp(64), top: frame.top, right: frame.right, bottom: frame.bottom)
    let textLeft = frame.left + layout.dp(16)
    let title = UIRect(
      left: textLeft, top: frame.top + layout.dp(8), right: heart.left, bottom: frame.top + layout.dp(36))
    let subtitle = UIRect(left: textLeft, top: title.bottom, right: heart.left, bottom: frame.bottom - layout.dp(8))
    let pinned = screen.isOn("pinned:\(number)")
    return AppElement(
      className: "android.widget.LinearLayout", id: "item_row", frame: frame, clickable: true,
      children: [
        screen.text("Item \(number)", id: "item_title", frame: title),
        screen.text(pinned ? "Pinned" : "Tap to open", id: "item_subtitle", frame: subtitle),
        screen.imageButton(
          description: "Like Item \(number)", id: "like_button", frame: heart, selected: screen.isOn("liked:\(number)"),
          action: .toggle("liked:\(number)")),
      ],
      onTap: .open("item", parameters: ["n": String(number)])
    ).with {
      $0.focusable = true
      $0.longClickable = true
      $0.onLongPress = .toggle("pinned:\(number)")
    }
  }

  static let detail = AppScreen("detail", isIdle: { !$0.isOn("playing") }) { screen in
    let layout = screen.layout
    var column = layout.column()
    let page = Int(screen.state.values["page"] ?? "1") ?? 1
    let toolbar = column.next(height: layout.dp(56))
    let body = column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)
    let play = column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(4))
    let pager = column.rest()
    let pageTitle = UIRect(
      x: pager.left + layout.dp(16), y: pager.top + layout.dp(16), width: pager.width - layout.dp(32),
      height: layout.dp(48))
    return [
      screen.toolbar(title: "Details", frame: toolbar),
      screen.text("Details of the test app", id: "detail_body", frame: body),
      screen.toggleButton(id: "play_button", frame: play, flag: "playing", on: "Pause", off: "Play"),
      AppElement(
        className: "android.widget.FrameLayout", id: "pager", frame: pager,
        children: [screen.text("Page \(page)", id: "page_title", frame: pageTitle)]
      ).with {
        $0.onSwipe = [
          .left: .update { $0.values["page"] = String(page + 1) },
          .right: .update { $0.values["page"] = String(max(1, page - 1)) },
        ]
      },
    ]
  }

  static let item = AppScreen("item") { screen in
    let layout = screen.layout
    var column = layout.column()
    guard let number = screen.parameter("n").flatMap({ Int($0) }), (1...itemCount).contains(number) else {
      return [
        screen.toolbar(title: "Not found", frame: column.next(height: layout.dp(56))),
        screen.text(
          "Item not found", id: "not_found", frame: column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)
        ),
      ]
    }
    return [
      screen.toolbar(title: "Item \(number)", frame: column.next(height: layout.dp(56))),
      screen.text(
        "Item \(number)", id: "item_detail_title",
        frame: column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)),
      screen.text(
        "This is item \(number) of \(itemCount).", id: "item_detail_body",
        frame: column.next(height: layout.dp(48)).insetBy(dx: layout.dp(16), dy: 0)),
      screen.toggleButton(
        id: "like_button", frame: column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(4)),
        flag: "liked:\(number)", on: "Liked", off: "Like"),
    ]
  }
}

extension AppModel {
  /// ``TestApp``'s model, without pop-ups.
  public static let testApp = TestApp.model()
}
