import DeviceControl
import Foundation

/// What ``TikTokSession/warmUp(_:)`` does: watch the feed (or a topic) like a person for a while,
/// sometimes liking, following, saving or commenting.
public struct WarmupPlan: Sendable, Hashable {
  /// How long to keep watching.
  public var duration: Duration
  /// How long to watch each video, drawn between these bounds.
  public var watch: ClosedRange<Int>
  /// A search topic to watch instead of the For You feed.
  public var topic: String?
  /// Chances, 0–100, of each action per video.
  public var likeChance = 0, followChance = 0, favoriteChance = 0, commentChance = 0
  /// Comments to pick from.
  public var comments: [String] = []

  /// A plan of `duration` watching videos for `watch` seconds each.
  public init(duration: Duration, watch: ClosedRange<Int>, topic: String? = nil) {
    self.duration = duration
    self.watch = watch
    self.topic = topic
  }
}

extension TikTokSession {
  /// Watches videos until the plan's duration has passed.
  /// - Returns: counts of what was done, for the task's result.
  public func warmUp(_ plan: WarmupPlan) async throws -> [String: Int] {
    var done = ["videos": 0, "likes": 0, "follows": 0, "favorites": 0, "comments": 0]
    if let topic = plan.topic {
      await log("searching the topic \"\(topic)\"")
      try await search(topic)
      try await tap(.text("Videos"), "the Videos tab")
      try await tap(try .description(matching: "Video [0-9]+.*"), "the first video")
    } else {
      try await openTab("Home")
    }
    let start = ContinuousClock.now
    while ContinuousClock.now - start < plan.duration {
      try Task.checkCancellation()
      let seconds = Int.random(in: plan.watch)
      try await Task.sleep(for: .seconds(seconds))
      done["videos", default: 0] += 1
      try await actOnVideo(plan, done: &done)
      try await scrollOnce()
    }
    await log("watched \(done["videos"] ?? 0) videos")
    return done
  }

  private func actOnVideo(_ plan: WarmupPlan, done: inout [String: Int]) async throws {
    func roll(_ chance: Int) -> Bool { chance > 0 && Int.random(in: 0..<100) < chance }
    if roll(plan.likeChance), try await ui.find(Self.likeButton.selected(false)) != nil {
      try await tap(Self.likeButton, "Like")
      done["likes", default: 0] += 1
    }
    if roll(plan.followChance), try await ui.find(.description(startingWith: "Follow ").clickable()) != nil {
      try await tap(.description(startingWith: "Follow ").clickable(), "Follow on the rail")
      done["follows", default: 0] += 1
    }
    if roll(plan.favoriteChance), try await ui.find(Self.favoriteButton.selected(false)) != nil {
      try await tap(Self.favoriteButton, "Favorites")
      done["favorites", default: 0] += 1
    }
    if roll(plan.commentChance), let text = plan.comments.randomElement() {
      try await openCommentsAndPost(text, imagePath: nil)
      try await run("close the comments") { try await ui.press(.back) }
      done["comments", default: 0] += 1
    }
  }
}
