import TaskEngine

extension TikTokScripts {
  /// `super_marketing`: a campaign over its targets, in order, with each enabled feature; a
  /// failed target is logged and the campaign goes on. Fails only when every step failed.
  public static let superMarketing = TikTokScript<SuperMarketingConfig>("super_marketing") { session, config in
    var rng = SystemRandomNumberGenerator()
    var steps: [JSONValue] = []
    var failures = 0
    func attempt(_ feature: String, _ target: String, _ body: () async throws -> String) async throws {
      do {
        let remark = try await body()
        steps.append(["feature": .string(feature), "target": .string(target), "remark": .string(remark)])
      } catch is CancellationError {
        throw CancellationError()
      } catch {
        failures += 1
        await session.log("\(feature) \(target) failed: \(error)")
        steps.append(["feature": .string(feature), "target": .string(target), "error": .string("\(error)")])
      }
    }
    let features = config.features
    for (index, user) in config.targetUsers.enumerated() {
      if features.followUsers { try await attempt("followUsers", user) { try await session.follow(user) } }
      if features.unfollowUsers { try await attempt("unfollowUsers", user) { try await session.unfollow(user) } }
      if features.sendDM, let text = config.dmSettings.message(number: index, using: &rng) {
        let message = Emoji.decorate(text, insert: config.dmSettings.insertEmoji)
        try await attempt("sendDM", user) { try await session.message(message, to: user) }
      }
    }
    for (index, post) in config.targetPostURLs.enumerated() {
      if features.boostPosts {
        let settings = config.postSettings
        let seconds = Int.random(in: settings.viewSeconds, using: &rng)
        try await attempt("boostPosts", post.url) {
          try await session.like(post.url, favorite: settings.enableFavorite, watch: .seconds(seconds))
        }
      }
      if features.massComment, let text = config.commentSettings.comment(number: index, using: &rng) {
        let comment = Emoji.decorate(text, insert: config.commentSettings.insertEmoji)
        try await attempt("massComment", post.url) { try await session.comment(comment, on: post.url) }
      }
    }
    let result = JSONValue.object(["steps": .array(steps), "failed": .int(failures)])
    guard failures < steps.count || steps.isEmpty else {
      throw TikTokError(.targetNotFound, "every step of the campaign failed (\(failures))")
    }
    return TaskOutcome(remark: "campaign: \(steps.count - failures) of \(steps.count) steps done", result: result)
  }
}
