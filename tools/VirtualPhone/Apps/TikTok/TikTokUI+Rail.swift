/// The right rail and caption of a video, as the feed and the video screen show them: the
/// author's avatar (`NAME profile`), `Follow NAME` (until followed), `Like video. N likes`
/// (selected when liked), `Read or add comments. N comments`, `Add or remove this video from
/// Favorites.` (selected when saved), `Share video. N shares`, `Sound: …`, then `@handle` and
/// the caption at the bottom left.
extension TikTokUI {
  /// The rail's views and the caption block, over `area` (the video's frame).
  func rail(_ screen: AppScreenContext, video: TikTokVideo, area: UIRect) -> [AppElement] {
    let layout = screen.layout
    let store = screen.tiktok
    let account = store.current
    let author = video.author
    let itemHeight = layout.dp(68)
    let left = area.right - layout.dp(72)
    var column = AppColumn(
      left: left, right: area.right, top: area.bottom - layout.dp(16) - itemHeight * 5 - layout.dp(64),
      bottom: area.bottom - layout.dp(16))
    let avatarFrame = column.next(height: itemHeight)
    var avatar = [
      AppElement(
        className: "android.widget.ImageView", id: ids("rail_avatar"), contentDescription: "\(author.nickname) profile",
        frame: avatarFrame.insetBy(dx: layout.dp(10), dy: layout.dp(2)), clickable: true,
        onTap: .open(TikTok.Screen.profile, parameters: ["user": author.handle]))
    ]
    if !store.follows(author.handle) {
      let follow = UIRect(
        left: avatarFrame.left, top: avatarFrame.bottom - layout.dp(20), right: avatarFrame.right,
        bottom: avatarFrame.bottom + layout.dp(4))
      avatar.append(
        AppElement(
          className: "android.widget.Button", id: ids("rail_follow"), contentDescription: "Follow \(author.nickname)",
          frame: follow, clickable: true, onTap: TikTokActions.follow(author.handle)))
    }
    let liked = account.likes.contains(video.id)
    let saved = account.favorites.contains(video.id)
    let likes = video.likes + store.likeCount(ofVideo: video.id)
    let comments = video.comments + store.comments(onVideo: video.id).count
    let items = [
      screen.container("android.widget.FrameLayout", id: ids("rail_slot"), frame: avatarFrame, children: avatar),
      railButton(
        screen, role: "rail_like",
        description: "Like video. \(TikTokWorld.formatCount(likes)) likes", count: likes, icon: "Like", selected: liked,
        frame: column.next(height: itemHeight), action: TikTokActions.toggleLike(video.id)),
      railButton(
        screen, role: "rail_comment",
        description: "Read or add comments. \(TikTokWorld.formatCount(comments)) comments",
        count: comments, icon: nil, selected: false, frame: column.next(height: itemHeight),
        action: TikTokActions.openComments(video)),
      railButton(
        screen, role: "rail_favorite", description: "Add or remove this video from Favorites.",
        count: video.favorites + store.favoriteCount(ofVideo: video.id), icon: nil, selected: saved,
        frame: column.next(height: itemHeight), action: TikTokActions.toggleFavorite(video.id)),
      // Like and Share share one resource id, as in the 2025-12 dumps (both `f57`).
      railButton(
        screen, role: "rail_like", description: "Share video. \(TikTokWorld.formatCount(video.shares)) shares",
        count: video.shares, icon: nil, selected: false, frame: column.next(height: itemHeight), action: nil),
      AppElement(
        className: "android.widget.Button", id: ids("rail_sound"), contentDescription: "Sound: \(video.sound)",
        frame: column.rest(), clickable: true),
    ]
    let captionLeft = area.left + layout.dp(14)
    var captionColumn = AppColumn(
      left: captionLeft, right: left - layout.dp(18), top: area.bottom - layout.dp(116),
      bottom: area.bottom - layout.dp(16))
    let caption = screen.container(
      id: ids("caption_block"),
      frame: UIRect(
        left: captionLeft, top: captionColumn.top, right: captionColumn.right, bottom: captionColumn.bottom),
      children: [
        AppElement(
          className: "android.widget.Button", id: "title", text: "@\(author.handle)",
          frame: captionColumn.next(height: layout.dp(28)),
          clickable: true, onTap: .open(TikTok.Screen.profile, parameters: ["user": author.handle])),
        screen.text(video.caption, id: "desc", frame: captionColumn.rest()),
      ])
    return [
      screen.container(
        id: ids("rail"), frame: UIRect(left: left, top: avatarFrame.top, right: area.right, bottom: column.bottom),
        children: items), caption,
    ]
  }

  /// One rail button: an icon over its count, the whole known by its content description.
  private func railButton(
    _ screen: AppScreenContext, role: String, description: String, count: Int, icon: String?, selected: Bool,
    frame: UIRect, action: AppAction?
  ) -> AppElement {
    let layout = screen.layout
    let iconFrame = UIRect(left: frame.left, top: frame.top, right: frame.right, bottom: frame.bottom - layout.dp(20))
    let countFrame = UIRect(left: frame.left, top: iconFrame.bottom, right: frame.right, bottom: frame.bottom)
    return AppElement(
      className: "android.widget.Button", id: ids(role), contentDescription: description, frame: frame, clickable: true,
      children: [
        AppElement(
          className: "android.widget.ImageView", id: ids("\(role)_icon"), contentDescription: icon ?? "",
          frame: iconFrame.insetBy(dx: layout.dp(13), dy: 0)
        ).with { $0.selected = selected },
        screen.text(TikTokWorld.formatCount(count), id: ids("\(role)_count"), frame: countFrame),
      ],
      onTap: action
    ).with {
      $0.focusable = true
      $0.selected = selected
    }
  }
}
