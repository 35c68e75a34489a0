/// What every TikTok screen is drawn with: the configuration (upload time) and the version's
/// resource ids. Each screen lives in its own file as an extension that builds an ``AppScreen``.
struct TikTokUI: Sendable {
  let configuration: TikTokConfiguration
  /// The obfuscated resource ids of ``TikTokConfiguration/version``.
  let ids: TikTokIDs

  init(configuration: TikTokConfiguration) {
    self.configuration = configuration
    ids = TikTokIDs(version: configuration.version)
  }

  /// Every screen of the model.
  var screens: [AppScreen] {
    [
      feedScreen, friendsScreen, videoScreen, profileScreen, followListScreen, commentsScreen, searchScreen,
      searchResultsScreen, createScreen, galleryScreen, editorScreen, soundsScreen, postScreen, inboxScreen,
      conversationScreen, ownProfileScreen, accountSwitcherScreen, editProfileScreen, editFieldScreen,
      changePhotoScreen,
    ]
  }
}

extension AppScreenContext {
  /// TikTok's store.
  var tiktok: TikTokStore { state.tiktok }
  /// The account in use.
  var account: TikTokAccount { state.tiktok.current }
}
