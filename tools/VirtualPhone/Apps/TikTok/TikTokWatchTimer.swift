/// Times the feed video on show, per account: a watch begins when a video of the feed comes on
/// screen and ends when another video (or another account's feed) replaces it; the account
/// then records it in ``TikTokAccount/watched`` with its whole seconds. The comments sheet and
/// pop-ups over the video do not end a watch; other screens do, and a cold start drops it.
enum TikTokWatchTimer {
  private static let accountKey = "watch.account"
  private static let videoKey = "watch.video"
  private static let sinceKey = "watch.since_ms"

  /// Brings the watch up to date after a step (``AppModel/onChange``).
  static func update(_ state: inout AppState) {
    let now = state.environment.now
    let watching = videoOnShow(state).map { (account: state.tiktok.currentHandle, video: $0) }
    let account = state.values[accountKey]
    let video = state.values[videoKey]
    guard account != watching?.account || video != watching?.video else { return }
    if let account, let video, let since = state.values[sinceKey].flatMap(Int64.init) {
      let seconds = Int((now - .milliseconds(since)).components.seconds)
      state.tiktok.accounts[account]?.watched.append(TikTokWatch(video: video, seconds: max(0, seconds)))
    }
    state.values[accountKey] = watching?.account
    state.values[videoKey] = watching?.video
    state.values[sinceKey] = watching.map { _ in String(milliseconds(now)) }
  }

  /// The feed video on screen: the feed on top, or under its comments sheet.
  static func videoOnShow(_ state: AppState) -> String? {
    guard let top = state.stack.lastIndex(where: { $0.screen != TikTok.Screen.comments }),
      state.stack[top].screen == TikTok.Screen.feed
    else { return nil }
    return TikTokFeed.currentVideo(state)?.id
  }

  private static func milliseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
  }
}
