import DeviceControl

extension TikTokSession {
  /// Sends `text` to `user` from their profile's Message button, and checks it shows.
  /// - Returns: the remark.
  public func message(_ text: String, to user: String, via method: AccessMethod = .direct) async throws -> String {
    try await openProfile(user, via: method)
    try await tap(.text("Message").clickable(), "Message")
    let composer = try await field(labelled: "Send a message")
    try await run("write the message") { try await ui.type(text, into: composer) }
    try await tap(.description("Send"), "Send")
    try await waitFor(.text(text).className("android.widget.TextView"), "the sent message", timeout: .seconds(10))
    return "sent a message to @\(user)"
  }
}
