import DeviceControl
import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct CommentConfigTests {
    static let urls: [JSONValue] = [
      "https://www.tiktok.com/@a/video/1", "https://www.tiktok.com/@b/video/2", "https://vm.tiktok.com/ZMabc/",
    ]

    @Test func readsDefaults() throws {
      let config = try CommentConfig(json: [
        "target_post_url": "https://www.tiktok.com/@a/video/1", "comment_content": "Hi",
      ])
      #expect(config.targetPostURLs.map(\.url) == ["https://www.tiktok.com/@a/video/1"])
      #expect(config.commentContents == ["Hi"])
      #expect(config.commentOrder == .random)
      #expect(config.insertEmoji == false)
      #expect(config.commentImagePath == nil)
    }

    @Test func targetPostURLsWinsOverTargetPostURL() throws {
      let config = try CommentConfig(json: [
        "target_post_urls": .array(Self.urls), "target_post_url": "https://www.tiktok.com/@z/video/9",
        "comment_content": "Hi",
      ])
      #expect(config.targetPostURLs.count == 3)
      #expect(config.targetPostURLs[0].username == "a")
      #expect(config.targetPostURLs[2].isShortLink)
    }

    @Test func refusesAMissingComment() {
      let error = ConfigTestSupport.refusal(CommentConfig.self, ["target_post_urls": .array(Self.urls)])
      #expect(error?.field == "comment_content")
    }

    @Test func refusesAMissingTargetNamingTheListKey() {
      let error = ConfigTestSupport.refusal(CommentConfig.self, ["comment_content": "Hi"])
      #expect(error?.field == "target_post_urls")
    }

    @Test func refusesAURLThatIsNoTikTokPost() {
      let error = ConfigTestSupport.refusal(
        CommentConfig.self,
        [
          "target_post_urls": ["https://www.tiktok.com/@a/video/1", "https://www.instagram.com/p/X/"],
          "comment_content": "Hi",
        ])
      #expect(error?.field == "target_post_urls[1]")
      #expect(error?.message.hasPrefix("\"https://www.instagram.com/p/X/\" is not a TikTok post URL") == true)
    }

    @Test func refusesAMissingImageNamingThePath() {
      let error = ConfigTestSupport.refusal(
        CommentConfig.self,
        [
          "target_post_url": "https://www.tiktok.com/@a/video/1", "comment_content": "Hi",
          "comment_image_path": "/nonexistent/droidmatrix/pic.jpg",
        ])
      #expect(error?.field == "comment_image_path")
      #expect(error?.message == "no file at \"/nonexistent/droidmatrix/pic.jpg\" on this computer; check the path")
    }

    @Test func refusesAWrongTypeForInsertEmoji() {
      let error = ConfigTestSupport.refusal(
        CommentConfig.self,
        ["target_post_url": "https://www.tiktok.com/@a/video/1", "comment_content": "Hi", "insert_emoji": "maybe"])
      #expect(error?.field == "insert_emoji")
      #expect(error?.message == "expected true or false, got a string \"maybe\"")
    }

    @Test func sequentialOrderTakesJobCountPlusTaskIndexModCount() throws {
      let config = try CommentConfig(json: [
        "target_post_urls": .array(Self.urls), "comment_content": "one\ntwo", "comment_order": "sequential",
      ])
      var rng = SeededGenerator(seed: 0)
      let tasks = config.fanOut(context: ConfigTestSupport.context(jobCount: 5), using: &rng)
      #expect(tasks.count == 3)
      // Job counts 5, 6, 7 mod 2.
      #expect(tasks.map(\.comment) == ["two", "one", "two"])
      #expect(tasks.map(\.targetPostURLs.count) == [1, 1, 1])
      for task in tasks { #expect(try CommentConfig(json: task.json) == task) }
    }

    @Test func randomOrderIsReproducibleWithASeed() throws {
      let config = try CommentConfig(json: [
        "target_post_urls": .array(Self.urls), "comment_content": ["a", "b", "c", "d", "e"],
      ])
      var first = SeededGenerator(seed: 11)
      var second = SeededGenerator(seed: 11)
      let context = ConfigTestSupport.context()
      #expect(config.fanOut(context: context, using: &first) == config.fanOut(context: context, using: &second))
    }
  }
}
