extension AppPopup {
  /// The package of Android's permission dialog on a Pixel.
  static let permissionControllerPackage = "com.google.android.permissioncontroller"

  /// The dialog's window: an AlertDialog of the app, or the permission controller's request.
  /// Both buttons close the dialog, then run their action.
  func window(appPackage: String, layout: AppLayout) -> AppWindow {
    switch kind {
    case .dialog: alertWindow(appPackage: appPackage, layout: layout)
    case .permission: permissionWindow(layout: layout)
    case .overlay: overlayWindow(appPackage: appPackage, layout: layout)
    }
  }

  /// Framework AlertDialog: title, message, buttons right-aligned with the negative one first.
  private func alertWindow(appPackage: String, layout: AppLayout) -> AppWindow {
    let margin = layout.dp(32)
    let titleHeight = title == nil ? 0 : layout.dp(64)
    let messageHeight = layout.dp(88)
    let buttonsHeight = layout.dp(52)
    let height = titleHeight + messageHeight + buttonsHeight + layout.dp(8)
    let top = (layout.height - height) / 2
    let frame = UIRect(left: margin, top: top, right: layout.width - margin, bottom: top + height)
    var column = AppColumn(left: frame.left, right: frame.right, top: frame.top, bottom: frame.bottom)
    var panels: [AppElement] = []
    if let title {
      let row = column.next(height: titleHeight)
      panels.append(
        AppElement(
          className: "android.widget.LinearLayout", id: "android:id/topPanel", frame: row,
          children: [
            AppElement(
              className: "android.widget.TextView", id: "android:id/alertTitle", text: title,
              frame: row.insetBy(dx: layout.dp(24), dy: layout.dp(16)))
          ]))
    }
    let messageRow = column.next(height: messageHeight)
    panels.append(
      AppElement(
        className: "android.widget.FrameLayout", id: "android:id/contentPanel", frame: messageRow,
        children: [
          AppElement(
            className: "android.widget.ScrollView", id: "android:id/scrollView", frame: messageRow,
            children: [
              AppElement(
                className: "android.widget.TextView", id: "android:id/message", text: message,
                frame: messageRow.insetBy(dx: layout.dp(24), dy: layout.dp(8)))
            ])
        ]))
    let buttonRow = column.next(height: buttonsHeight)
    let buttonWidth = layout.dp(96)
    let right = buttonRow.right - layout.dp(16)
    var buttons: [AppElement] = []
    let confirmFrame = UIRect(left: right - buttonWidth, top: buttonRow.top, right: right, bottom: buttonRow.bottom)
    let dismissRight = confirmButton == nil ? right : confirmFrame.left - layout.dp(8)
    buttons.append(
      button(
        dismissButton, id: "android:id/button2",
        frame: UIRect(
          left: dismissRight - buttonWidth, top: buttonRow.top, right: dismissRight, bottom: buttonRow.bottom)))
    if let confirmButton { buttons.append(button(confirmButton, id: "android:id/button1", frame: confirmFrame)) }
    panels.append(
      AppElement(
        className: "android.widget.ScrollView", id: "android:id/buttonPanel", frame: buttonRow, children: buttons))
    let root = AppElement(
      className: "android.widget.FrameLayout", frame: frame,
      children: [
        AppElement(
          className: "android.widget.FrameLayout", id: "android:id/content", frame: frame,
          children: [
            AppElement(
              className: "android.widget.LinearLayout", id: "android:id/parentPanel", frame: frame, children: panels)
          ])
      ])
    return AppWindow(package: appPackage, root: root)
  }

  /// Android 13's GrantPermissionsActivity: message, then "Allow" above "Don’t allow".
  private func permissionWindow(layout: AppLayout) -> AppWindow {
    let idPrefix = "com.android.permissioncontroller:id/"
    let margin = layout.dp(24)
    let rowHeight = layout.dp(56)
    let height = layout.dp(40) + layout.dp(96) + rowHeight * (confirmButton == nil ? 1 : 2) + layout.dp(24)
    let top = (layout.height - height) / 2
    let frame = UIRect(left: margin, top: top, right: layout.width - margin, bottom: top + height)
    var column = AppColumn(
      left: frame.left + layout.dp(24), right: frame.right - layout.dp(24), top: frame.top + layout.dp(24),
      bottom: frame.bottom - layout.dp(24))
    var children = [
      AppElement(
        className: "android.widget.ImageView", id: idPrefix + "permission_icon",
        frame: column.next(height: layout.dp(32))),
      AppElement(
        className: "android.widget.TextView", id: idPrefix + "permission_message", text: message,
        frame: column.next(height: layout.dp(96))),
    ]
    column.skip(layout.dp(8))
    if let confirmButton {
      children.append(
        button(confirmButton, id: idPrefix + "permission_allow_button", frame: column.next(height: rowHeight)))
    }
    children.append(
      button(dismissButton, id: idPrefix + "permission_deny_button", frame: column.next(height: rowHeight)))
    let root = AppElement(
      className: "android.widget.FrameLayout", frame: layout.screen,
      children: [
        AppElement(
          className: "android.widget.FrameLayout", id: "android:id/content", frame: layout.screen,
          children: [
            AppElement(
              className: "android.widget.LinearLayout", id: idPrefix + "grant_dialog", frame: frame, children: children)
          ])
      ])
    return AppWindow(package: Self.permissionControllerPackage, root: root)
  }

  /// A coach mark: a dimmed full-screen layer with the texts and the button in its middle.
  private func overlayWindow(appPackage: String, layout: AppLayout) -> AppWindow {
    let width = layout.width - layout.dp(64)
    var column = AppColumn(
      left: (layout.width - width) / 2, right: (layout.width + width) / 2, top: layout.height / 2 - layout.dp(96),
      bottom: layout.height / 2 + layout.dp(96))
    var children: [AppElement] = []
    if let title {
      children.append(
        AppElement(className: "android.widget.TextView", text: title, frame: column.next(height: layout.dp(40))))
    }
    children.append(
      AppElement(className: "android.widget.TextView", text: message, frame: column.next(height: layout.dp(56))))
    column.skip(layout.dp(16))
    let buttonRow = column.next(height: layout.dp(48))
    let buttonWidth = layout.dp(160)
    let buttonLeft = (layout.width - buttonWidth) / 2
    children.append(
      button(
        dismissButton, id: "",
        frame: UIRect(left: buttonLeft, top: buttonRow.top, right: buttonLeft + buttonWidth, bottom: buttonRow.bottom)))
    let root = AppElement(
      className: "android.widget.FrameLayout", frame: layout.screen,
      children: [
        AppElement(
          className: "android.widget.FrameLayout", id: "android:id/content", frame: layout.screen,
          children: [AppElement(className: "android.widget.FrameLayout", frame: layout.screen, children: children)])
      ])
    return AppWindow(package: appPackage, root: root)
  }

  private func button(_ button: Button, id: String, frame: UIRect) -> AppElement {
    let action: AppAction = button.action.map { .all([.dismissPopup, $0]) } ?? .dismissPopup
    return AppElement(
      className: "android.widget.Button", id: id, text: button.title, frame: frame, clickable: true, onTap: action
    ).with { $0.focusable = true }
  }
}
