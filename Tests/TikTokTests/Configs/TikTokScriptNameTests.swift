import DeviceControl
import Foundation
import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct TikTokScriptNameTests {
    @Test func namesTheTenScripts() {
      #expect(
        TikTokScriptName.allCases.map(\.rawValue) == [
          "follow", "unfollow", "comment", "post", "account_warmup", "like", "message", "profile", "scrape_user",
          "super_marketing",
        ])
      #expect(TikTokScriptName.allCases.filter(\.isInTikMatrixAPI).count == 5)
    }

    /// A valid config per script and the number of tasks one executor gets from it.
    static func samples(media: MediaFolder) -> [(TikTokScriptName, JSONValue, Int)] {
      [
        (.follow, ["target_user": "a,b,c"], 3),
        (.unfollow, ["target_users": ["a", "b"]], 2),
        (.comment, ["target_post_url": "https://www.tiktok.com/@a/video/1", "comment_content": "x"], 1),
        (.post, ["material_list": [.string(media.file("a.mp4"))], "captions": "{a|b}"], 1),
        (.accountWarmup, [:], 1),
        (
          .like,
          ["target_post_urls": ["https://www.tiktok.com/@a/video/1", "https://www.tiktok.com/@a/video/2"]], 2
        ),
        (.message, ["target_user": "a\nb\nc\nd", "message_contents": "hi"], 4),
        (.profile, ["nicknames": "N"], 1),
        (.scrapeUser, ["target_username": "a"], 1),
        (
          .superMarketing,
          ["target_users": ["a", "b", "c"], "features": ["followUsers": true]], 1
        ),
      ]
    }

    @Test func fansOutEachScriptAndRoundTripsItsTasks() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let samples = Self.samples(media: media)
      #expect(samples.map(\.0) == TikTokScriptName.allCases)
      for (script, config, expected) in samples {
        var rng = SeededGenerator(seed: 2)
        let tasks = try script.fanOut(config: config, context: ConfigTestSupport.context(), using: &rng)
        #expect(tasks.count == expected, "\(script.rawValue)")
        for task in tasks {
          // A planned task's configuration plans to itself: it is what the flow decodes.
          var again = SeededGenerator(seed: 2)
          #expect(try script.fanOut(config: task, context: ConfigTestSupport.context(), using: &again) == [task])
        }
      }
    }

    @Test func validatesWithoutPlanning() {
      #expect(
        throws: ScriptConfigError(
          field: "comment_content", message: "give the comment to post (one alternative per line)")
      ) {
        try TikTokScriptName.comment.validate(["target_post_url": "https://www.tiktok.com/@a/video/1"])
      }
      #expect(throws: Never.self) { try TikTokScriptName.accountWarmup.validate([:]) }
    }

    @Test func continuesSequentialPicksAcrossExecutorsAsTheEnginePlansThem() throws {
      // The engine gives executor k the job count after the tasks planned for executors before it.
      let config: JSONValue = [
        "target_post_urls": ["https://www.tiktok.com/@a/video/1", "https://www.tiktok.com/@a/video/2"],
        "comment_content": "c0\nc1\nc2", "comment_order": "sequential",
      ]
      var jobCount = 10
      var comments: [String] = []
      for index in 0..<3 {
        let context = ConfigTestSupport.context(jobCount: jobCount, serial: "S\(index)", index: index)
        let tasks = try TikTokScriptName.comment.fanOut(config: config, context: context)
        comments += tasks.compactMap { $0["comment_content"]?.stringValue }
        jobCount += tasks.count
      }
      // Job counts 10…15 mod 3.
      #expect(comments == ["c1", "c2", "c0", "c1", "c2", "c0"])
    }
  }
}
