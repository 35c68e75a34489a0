/// What TikTok's controls do to the store, as ``AppAction``s.
enum TikTokActions {
  /// The account in use follows `handle` (once).
  static func follow(_ handle: String) -> AppAction {
    .update { state in
      guard !state.tiktok.current.follows.contains(handle), handle != state.tiktok.currentHandle else { return }
      state.tiktok.current.follows.append(handle)
    }
  }

  /// The account in use stops following `handle`.
  static func unfollow(_ handle: String) -> AppAction {
    .update { $0.tiktok.current.follows.removeAll { $0 == handle } }
  }

  /// Like ↔ not liked.
  static func toggleLike(_ video: String) -> AppAction {
    .update { state in toggle(video, in: &state.tiktok.current.likes) }
  }

  /// In favorites ↔ not.
  static func toggleFavorite(_ video: String) -> AppAction {
    .update { state in toggle(video, in: &state.tiktok.current.favorites) }
  }

  private static func toggle(_ item: String, in list: inout [String]) {
    if list.contains(item) { list.removeAll { $0 == item } } else { list.append(item) }
  }

  /// Opens a user's profile.
  static func openProfile(_ handle: String) -> AppAction {
    .open(TikTok.Screen.profile, parameters: ["user": handle])
  }

  /// Opens one video.
  static func openVideo(_ video: TikTokVideo) -> AppAction {
    .open(TikTok.Screen.video, parameters: ["user": video.author.handle, "id": video.id])
  }

  /// Opens the comments sheet of a video with an empty composer.
  static func openComments(_ video: TikTokVideo) -> AppAction {
    .all([
      .update { state in
        state.fields[TikTokComments.field] = ""
        state.values[TikTokComments.imageKey] = nil
      },
      .open(TikTok.Screen.comments, parameters: ["user": video.author.handle, "id": video.id]),
    ])
  }

  /// Opens a screen whose text field has focus at once (search, a profile field editor).
  static func open(_ screen: String, parameters: [String: String] = [:], focusing field: String, text: String = "")
    -> AppAction
  {
    .all([.update { $0.fields[field] = text }, .open(screen, parameters: parameters), .focus(field)])
  }

  /// Opens a conversation with `handle`, its composer empty.
  static func openConversation(_ handle: String) -> AppAction {
    .all([
      .update { $0.fields[TikTokUI.messageField] = "" },
      .open(TikTok.Screen.conversation, parameters: ["user": handle]),
    ])
  }
}
