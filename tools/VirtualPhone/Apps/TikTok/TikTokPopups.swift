extension TikTok {
  /// The pop-ups TikTok shows by itself (``TikTokConfiguration/popupChance``): the update
  /// prompt, Android's contacts permission request, "Follow your friends" and the
  /// "Swipe up for more" hint. Each is dismissed by its button or by BACK.
  public static let popups: [AppPopup] = [
    .updateAvailable(appLabel: label),
    .permission(appLabel: label, request: "access your contacts"),
    followYourFriends,
    swipeUpHint,
  ]

  /// "Follow your friends": "Not now" dismisses it; "Find friends" turns the flag
  /// `find_friends_requested` on.
  public static let followYourFriends = AppPopup(
    title: "Follow your friends", message: "Find people you know on TikTok by syncing your contacts.",
    dismissButton: AppPopup.Button("Not now"),
    confirmButton: AppPopup.Button("Find friends", action: .update { $0.set("find_friends_requested", true) }))

  /// The first-run hint over the feed, dismissed by "Got it".
  public static let swipeUpHint = AppPopup(
    kind: .overlay, title: nil, message: "Swipe up for more", dismissButton: AppPopup.Button("Got it"))
}
