import DeviceControl

extension TikTokSession {
  /// Edits the logged-in account's profile: name, bio and photo, each only when given.
  /// - Parameters:
  ///   - nickname: the new name.
  ///   - bio: the new bio.
  ///   - avatar: an image on this computer, pushed to the phone and picked in the gallery.
  /// - Returns: the remark.
  public func editProfile(nickname: String?, bio: String?, avatar: String?) async throws -> String {
    try await openTab("Profile")
    try await tap(.text("Edit profile"), "Edit profile")
    try await waitFor(.text("Bio"), "the Edit profile screen")
    var changed: [String] = []
    for (label, value) in [("Name", nickname), ("Bio", bio)] {
      guard let value else { continue }
      await log("setting \(label.lowercased()) to \"\(value)\"")
      try await tap(.text(label), label)
      let field = try await waitFor(.className("android.widget.EditText"), "the \(label) field")
      try await tap(.className("android.widget.EditText"), "the \(label) field")
      try await run("clear the \(label) field") {
        try await ui.press([.moveEnd] + Array(repeating: UIKey.delete, count: field.text.count))
      }
      try await run("type the \(label.lowercased())") {
        try await ui.type(value, into: .className("android.widget.EditText"))
      }
      try await tap(.text("Save"), "Save")
      try await waitFor(.text(value), "the new \(label.lowercased()) on Edit profile", timeout: .seconds(5))
      changed.append(label.lowercased())
    }
    if let avatar {
      _ = try await pushMedia([avatar])
      try await tap(.text("Change photo"), "Change photo")
      try await tap(.text("Select from gallery"), "Select from gallery")
      try await pickNewestMedia(count: 1)
      try await waitFor(.text("Bio"), "Edit profile after the photo", timeout: .seconds(10))
      changed.append("photo")
    }
    return changed.isEmpty ? "nothing to change" : "changed the profile's " + changed.joined(separator: ", ")
  }
}
