import DeviceControl

extension TikTokSession {
  static let favoriteButton = UISelector.description("Add or remove this video from Favorites.")
  static let commentsButton = UISelector.description(startingWith: "Read or add comments")

  /// Likes the video at `url` (and adds it to Favorites when asked), after watching it for
  /// `watch` seconds.
  /// - Returns: the remark: "liked …", "already liked …".
  public func like(_ url: String, favorite: Bool = false, watch: Duration = .zero) async throws -> String {
    try await openVideo(url)
    if watch > .zero {
      await log("watching for \(watch)")
      try await Task.sleep(for: watch)
    }
    var done: [String] = []
    let like = try await waitFor(Self.likeButton, "the Like button")
    if like.selected {
      done.append("already liked")
    } else {
      try await tap(Self.likeButton, "Like")
      try await waitFor(Self.likeButton.selected(), "the Like button turned on", timeout: .seconds(5))
      done.append("liked")
    }
    if favorite {
      let saved = try await waitFor(Self.favoriteButton, "the Favorites button")
      if saved.selected {
        done.append("already in Favorites")
      } else {
        try await tap(Self.favoriteButton, "Favorites")
        try await waitFor(Self.favoriteButton.selected(), "Favorites turned on", timeout: .seconds(5))
        done.append("added to Favorites")
      }
    }
    return done.joined(separator: ", ") + " \(url)"
  }

  /// Comments `text` on the video at `url`, optionally with an image already on the phone.
  /// - Returns: the remark.
  public func comment(_ text: String, on url: String, imagePath: String? = nil) async throws -> String {
    try await openVideo(url)
    try await openCommentsAndPost(text, imagePath: imagePath)
    return "commented \"\(text)\" on \(url)"
  }

  /// On a video: opens the comments sheet, writes `text` (with the image), posts it and
  /// checks it appears.
  func openCommentsAndPost(_ text: String, imagePath: String?) async throws {
    try await tap(Self.commentsButton, "the comments button")
    let composer = try await field(labelled: "Add comment")
    if let imagePath {
      await log("attaching \(imagePath)")
      try await tap(.description("Add image"), "Add image")
      try await pickNewestMedia(count: 1)
    }
    await log("writing the comment")
    try await run("write the comment") { try await ui.type(text, into: composer) }
    try await tap(.description("Post comment"), "Post comment")
    try await waitFor(.text(text).className("android.widget.TextView"), "the posted comment", timeout: .seconds(10))
  }
}
