import DeviceControl

/// What ``TikTokSession/post(_:)`` publishes.
public struct PostRequest: Sendable, Hashable {
  /// Media files on this computer, pushed to the phone first.
  public var localMedia: [String]
  /// The caption (spintax already resolved).
  public var caption: String
  /// A sound to add by name, or nil to keep the original.
  public var soundName: String?
  /// How long to wait for the upload to finish.
  public var uploadWait: Duration

  /// Creates a request.
  public init(localMedia: [String], caption: String, soundName: String? = nil, uploadWait: Duration = .seconds(30)) {
    self.localMedia = localMedia
    self.caption = caption
    self.soundName = soundName
    self.uploadWait = uploadWait
  }
}

extension TikTokSession {
  /// Posts media: push and scan, Create → Upload → gallery → editor (sound) → post screen
  /// (caption) → Post, then waits for the upload to finish.
  /// - Returns: the remark.
  public func post(_ request: PostRequest) async throws -> String {
    _ = try await pushMedia(request.localMedia)
    try await openTab("Create")
    try await tap(.text("Upload"), "Upload")
    try await pickNewestMedia(count: request.localMedia.count)
    try await waitFor(.text("Your Story"), "the editor")
    if let sound = request.soundName {
      await log("adding the sound \"\(sound)\"")
      try await tap(.text("Add sound"), "Add sound")
      let field = UISelector.className("android.widget.EditText")
      try await run("search the sound") { try await ui.type(sound, into: field) }
      try await run("submit the sound search") { try await ui.press(.enter) }
      try await tap(.text(containing: sound).clickable(false).parent(), "the sound \"\(sound)\"")
      try await waitFor(.text("Your Story"), "the editor after picking the sound")
    }
    try await tap(.text("Next"), "Next")
    let description = try await field(labelled: "Writing a long description")
    if !request.caption.isEmpty {
      try await run("write the caption") { try await ui.type(request.caption, into: description) }
    }
    await log("posting")
    try await tap(.text("Post"), "Post")
    let outcome = try await run("wait for the upload") {
      try await ui.waitForAny([.text("Posted"), .text(startingWith: "Upload failed")], timeout: request.uploadWait)
    }
    guard outcome.index == 0 else {
      throw TikTokError(.postconditionFailed, "the upload failed: \(outcome.element.text)", screen: .feed)
    }
    return "posted \(request.localMedia.count) file(s)"
  }
}
