import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  /// `like`, `message` and `scrape_user`: the smaller scripts.
  @Suite struct TargetScriptConfigTests {
    // MARK: - like

    @Test func likeReadsDefaultsAndFansOutPerURL() throws {
      let config = try LikeConfig(json: [
        "target_post_url": "https://www.tiktok.com/@a/video/1\nhttps://www.tiktok.com/@b/photo/2"
      ])
      #expect(config.enableFavorite == false)
      #expect(config.viewDurationSeconds == 0)
      let tasks = try config.fanOut(context: ConfigTestSupport.context())
      #expect(tasks.map(\.targetPostURLs.first?.postID) == ["1", "2"])
      for task in tasks { #expect(try LikeConfig(json: task.json) == task) }
    }

    @Test func likeReadsItsOptions() throws {
      let config = try LikeConfig(json: [
        "target_post_urls": ["https://www.tiktok.com/@a/video/1"], "enable_favorite": "true", "view_duration": "12",
      ])
      #expect(config.enableFavorite)
      #expect(config.viewDurationSeconds == 12)
    }

    @Test func likeRefusesAWrongTypedViewDuration() {
      let error = ConfigTestSupport.refusal(
        LikeConfig.self, ["target_post_urls": ["https://www.tiktok.com/@a/video/1"], "view_duration": ["5"]])
      #expect(error?.field == "view_duration")
      #expect(error?.message == "expected a number, got a list")
    }

    @Test func likeRefusesAnEmptyList() {
      #expect(ConfigTestSupport.refusal(LikeConfig.self, ["target_post_urls": []])?.field == "target_post_urls")
    }

    // MARK: - message

    @Test func messageReadsDefaults() throws {
      let config = try MessageConfig(json: ["target_users": ["@a"], "message_contents": "Hello"])
      #expect(config.targetUsers == ["a"])
      #expect(config.messageOrder == .random)
      #expect(config.insertEmoji == false)
      #expect(config.accessMethod == .direct)
    }

    @Test func messageRequiresContents() {
      let error = ConfigTestSupport.refusal(MessageConfig.self, ["target_user": "a", "message_contents": "  \n "])
      #expect(error?.field == "message_contents")
    }

    @Test func messageFansOutPerUserWithSequentialPicks() throws {
      let config = try MessageConfig(json: [
        "target_user": "a\nb\nc\nd", "message_contents": "one\ntwo\nthree", "message_order": "SEQUENTIAL",
        "access_method": "search",
      ])
      let tasks = try config.fanOut(context: ConfigTestSupport.context(jobCount: 2))
      #expect(tasks.map(\.targetUsers) == [["a"], ["b"], ["c"], ["d"]])
      #expect(tasks.map(\.message) == ["three", "one", "two", "three"])
      for task in tasks { #expect(try MessageConfig(json: task.json) == task) }
    }

    @Test func messageRefusesAnUnknownOrder() {
      let error = ConfigTestSupport.refusal(
        MessageConfig.self, ["target_user": "a", "message_contents": "x", "message_order": "alphabetical"])
      #expect(error?.field == "message_order")
    }

    // MARK: - scrape_user

    @Test func scrapeUserReadsDefaults() throws {
      let config = try ScrapeUserConfig(json: ["target_username": "@someone"])
      #expect(config.targetUsername == "someone")
      #expect(config.mode == .profile)
      #expect(config.maxScrapeCount == 50)
      #expect(try config.fanOut(context: ConfigTestSupport.context()) == [config])
    }

    @Test func scrapeUserReadsModeAndCount() throws {
      let config = try ScrapeUserConfig(json: ["target_username": "x", "mode": "followers", "max_scrape_count": "200"])
      #expect(config.mode == .followers)
      #expect(config.maxScrapeCount == 200)
      #expect(try ScrapeUserConfig(json: config.json) == config)
    }

    @Test func scrapeUserRefusesMissingAndWrongKeys() {
      #expect(ConfigTestSupport.refusal(ScrapeUserConfig.self, [:])?.field == "target_username")
      #expect(ConfigTestSupport.refusal(ScrapeUserConfig.self, ["target_username": 7])?.field == "target_username")
      let count = ConfigTestSupport.refusal(ScrapeUserConfig.self, ["target_username": "x", "max_scrape_count": 0])
      #expect(count?.field == "max_scrape_count")
      let mode = ConfigTestSupport.refusal(ScrapeUserConfig.self, ["target_username": "x", "mode": "likes"])
      #expect(mode?.message == "must be one of profile, followers, following; got \"likes\"")
    }
  }
}
