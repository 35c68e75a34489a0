/// Edit profile (the own profile's `Edit profile`): `Change photo`, then the rows `Name`,
/// `Username` and `Bio` with their values. `Name` and `Bio` open an editor: an EditText holding
/// the value (focused) and a `Save` button. `Change photo` offers `Select from gallery`, which
/// opens the gallery's photos; the picked one becomes the avatar.
extension TikTokUI {
  /// The profile field editor's text field.
  static let profileField = "profile.edit"

  var editProfileScreen: AppScreen {
    AppScreen(TikTok.Screen.editProfile) { screen in
      let layout = screen.layout
      var column = layout.column()
      let profile = screen.account.profile
      let bar = column.next(height: layout.dp(52))
      let photo = column.next(height: layout.dp(140))
      let side = layout.dp(96)
      let changePhoto = AppAction.open(TikTok.Screen.changePhoto)
      return [
        titleBar(screen, title: "Edit profile", frame: bar),
        AppElement(
          className: "android.widget.LinearLayout", id: ids("edit_photo"), frame: photo, clickable: true,
          children: [
            AppElement(
              className: "android.widget.ImageView", id: ids("edit_photo_image"),
              contentDescription: profile.avatar == nil ? "" : "Profile photo",
              frame: UIRect(x: photo.center.x - side / 2, y: photo.top + layout.dp(8), width: side, height: side)),
            screen.text(
              "Change photo", id: ids("edit_photo_label"),
              frame: UIRect(
                left: photo.left, top: photo.bottom - layout.dp(32), right: photo.right, bottom: photo.bottom
              ).insetBy(dx: layout.dp(120), dy: 0)),
          ],
          onTap: changePhoto),
        profileRow(
          screen, title: "Name", value: profile.nickname, frame: column.next(height: layout.dp(56)),
          action: Self.editField("Name", value: profile.nickname)),
        profileRow(
          screen, title: "Username", value: screen.account.handle, frame: column.next(height: layout.dp(56)),
          action: nil),
        profileRow(
          screen, title: "Bio", value: profile.bio.isEmpty ? "Add a bio" : profile.bio,
          frame: column.next(height: layout.dp(56)),
          action: Self.editField("Bio", value: profile.bio)),
      ]
    }
  }

  /// A row: its title on the left, its value on the right.
  private func profileRow(_ screen: AppScreenContext, title: String, value: String, frame: UIRect, action: AppAction?)
    -> AppElement
  {
    let layout = screen.layout
    let inner = frame.insetBy(dx: layout.dp(16), dy: layout.dp(8))
    let split = inner.left + layout.dp(120)
    return AppElement(
      className: "android.widget.LinearLayout", id: ids("edit_row"), frame: frame, clickable: action != nil,
      children: [
        screen.text(
          title, id: ids("edit_row_title"),
          frame: UIRect(left: inner.left, top: inner.top, right: split, bottom: inner.bottom)),
        screen.text(
          value, id: ids("edit_row_value"),
          frame: UIRect(left: split, top: inner.top, right: inner.right, bottom: inner.bottom)),
      ],
      onTap: action)
  }

  /// Opens the editor of `Name` or `Bio` with the value in its field.
  static func editField(_ field: String, value: String) -> AppAction {
    TikTokActions.open(TikTok.Screen.editField, parameters: ["field": field], focusing: profileField, text: value)
  }

  var editFieldScreen: AppScreen {
    AppScreen(TikTok.Screen.editField) { screen in
      let layout = screen.layout
      var column = layout.column()
      let field = screen.parameter("field") == "Bio" ? "Bio" : "Name"
      let limit = field == "Bio" ? 80 : 30
      let bar = column.next(height: layout.dp(52))
      let save = UIRect(
        left: bar.right - layout.dp(80), top: bar.top + layout.dp(8), right: bar.right - layout.dp(8),
        bottom: bar.bottom - layout.dp(8))
      let text = screen.text(of: Self.profileField)
      return [
        titleBar(
          screen, title: field, frame: bar,
          trailing: [screen.button("Save", id: ids("edit_field_save"), frame: save, action: Self.saveField(field))]),
        screen.editText(
          id: ids("edit_field_input"), field: Self.profileField, hint: field,
          frame: column.next(height: layout.dp(56)).insetBy(dx: layout.dp(16), dy: layout.dp(6))),
        screen.text(
          "\(text.count)/\(limit)", id: ids("edit_field_counter"),
          frame: column.next(height: layout.dp(28)).insetBy(dx: layout.dp(16), dy: 0)),
      ]
    }
  }

  /// Saves the editor's text as the nickname or the bio, then closes the editor.
  static func saveField(_ field: String) -> AppAction {
    .all([
      .update { state in
        let value = (state.fields[profileField] ?? "").trimmingSpaces
        if field == "Bio" {
          state.tiktok.current.profile.bio = value
        } else if !value.isEmpty {
          state.tiktok.current.profile.nickname = value
        }
      },
      .back,
    ])
  }

  var changePhotoScreen: AppScreen {
    AppScreen(TikTok.Screen.changePhoto) { screen in
      let layout = screen.layout
      let content = layout.content
      let rowHeight = layout.dp(56)
      let sheet = UIRect(
        left: content.left, top: content.bottom - rowHeight * 3 - layout.dp(16), right: content.right,
        bottom: content.bottom)
      var column = AppColumn(left: sheet.left, right: sheet.right, top: sheet.top + layout.dp(8), bottom: sheet.bottom)
      return [
        AppElement(
          className: "android.view.View", id: ids("photo_outside"),
          frame: UIRect(left: content.left, top: content.top, right: content.right, bottom: sheet.top), clickable: true,
          onTap: .back),
        screen.container(
          "android.widget.FrameLayout", id: ids("photo_sheet"), frame: sheet,
          children: [
            row(screen, role: "photo_take", title: "Take photo", frame: column.next(height: rowHeight), action: nil),
            row(
              screen, role: "photo_gallery", title: "Select from gallery", frame: column.next(height: rowHeight),
              action: TikTokGallery.open(.avatar)),
            row(screen, role: "photo_cancel", title: "Cancel", frame: column.next(height: rowHeight), action: .back),
          ]),
      ]
    }
  }
}
