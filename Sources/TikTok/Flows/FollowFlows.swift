import DeviceControl

extension TikTokSession {
  static let followButton = UISelector.text("Follow").clickable()
  static let followingButton = UISelector.text("Following").clickable()
  static let friendsButton = UISelector.text("Friends").clickable()

  /// Follows `user` from their profile, and checks the button became Following (or Friends).
  /// - Returns: the remark: "followed @user", or "already following @user".
  public func follow(_ user: String, via method: AccessMethod = .direct) async throws -> String {
    try await openProfile(user, via: method)
    let state = try await run("read the Follow button") {
      try await ui.waitForAny([Self.followButton, Self.followingButton, Self.friendsButton])
    }
    guard state.index == 0 else { return "already following @\(user)" }
    await log("tapping Follow")
    try await tap(Self.followButton, "Follow")
    let after = try await run("check the follow") {
      try await ui.waitForAny([Self.followingButton, Self.friendsButton], timeout: .seconds(5))
    }
    _ = after
    return "followed @\(user)"
  }

  /// Unfollows `user` from their profile, and checks the button became Follow.
  /// - Returns: the remark: "unfollowed @user", or "not following @user".
  public func unfollow(_ user: String, via method: AccessMethod = .direct) async throws -> String {
    try await openProfile(user, via: method)
    let state = try await run("read the Follow button") {
      try await ui.waitForAny([Self.followButton, Self.followingButton, Self.friendsButton])
    }
    guard state.index != 0 else { return "not following @\(user)" }
    await log("tapping \(state.element.text)")
    try await tap(state.index == 1 ? Self.followingButton : Self.friendsButton, state.element.text)
    if try await ui.find(.text("Unfollow").clickable()) != nil {
      try await tap(.text("Unfollow").clickable(), "Unfollow")  // Builds that confirm in a sheet.
    }
    try await waitFor(Self.followButton, "Follow after unfollowing", timeout: .seconds(5))
    return "unfollowed @\(user)"
  }
}
