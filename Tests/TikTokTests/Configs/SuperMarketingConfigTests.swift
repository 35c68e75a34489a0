import DeviceControl
import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct SuperMarketingConfigTests {
    static let campaign: JSONValue = [
      "target_user": "@a, b\nc",
      "target_post_urls": ["https://www.tiktok.com/@x/video/1", "https://vm.tiktok.com/ZMq/"],
      "features": ["followUsers": true, "sendDM": 1, "boostPosts": "true", "massComment": true],
      "dmSettings": ["message_contents": "m0\nm1\nm2", "message_order": "sequential"],
      "postSettings": ["enable_favorite": true, "view_durations": ["3", 8]],
      "commentSettings": ["comment_content": "c0\nc1", "insert_emoji": true],
    ]

    @Test func readsACampaign() throws {
      let config = try SuperMarketingConfig(json: Self.campaign)
      #expect(config.targetUsers == ["a", "b", "c"])
      #expect(config.targetPostURLs.count == 2)
      #expect(config.features == .init(followUsers: true, sendDM: true, boostPosts: true, massComment: true))
      #expect(config.dmSettings.messageOrder == .sequential)
      #expect(config.postSettings.enableLike)
      #expect(config.postSettings.enableFavorite)
      #expect(config.postSettings.viewSeconds == 3...8)
      #expect(config.commentSettings.commentOrder == .random)
      #expect(config.commentSettings.insertEmoji)
    }

    @Test func readsPostSettingsDefaults() throws {
      let config = try SuperMarketingConfig(json: [
        "target_post_url": "https://www.tiktok.com/@x/video/1", "features": ["boostPosts": true],
      ])
      #expect(config.postSettings == .init())
      #expect(config.postSettings.viewSeconds == SuperMarketingConfig.PostSettings.defaultViewSeconds)
    }

    @Test func refusesACampaignWithNoFeature() {
      let error = ConfigTestSupport.refusal(SuperMarketingConfig.self, ["target_users": ["a"]])
      #expect(error?.field == "features")
    }

    @Test func refusesAUserFeatureWithoutUsers() {
      let error = ConfigTestSupport.refusal(
        SuperMarketingConfig.self,
        ["target_post_url": "https://www.tiktok.com/@x/video/1", "features": ["followUsers": true]])
      #expect(error?.field == "target_users")
    }

    @Test func refusesAPostFeatureWithoutPosts() {
      let error = ConfigTestSupport.refusal(
        SuperMarketingConfig.self, ["target_users": ["a"], "features": ["massComment": true]])
      #expect(error?.field == "target_post_urls")
    }

    @Test func refusesSendDMWithoutAMessage() {
      let error = ConfigTestSupport.refusal(
        SuperMarketingConfig.self, ["target_users": ["a"], "features": ["sendDM": true]])
      #expect(error?.field == "dmSettings.message_contents")
    }

    @Test func refusesMassCommentWithoutAComment() {
      let error = ConfigTestSupport.refusal(
        SuperMarketingConfig.self,
        ["target_post_url": "https://www.tiktok.com/@x/video/1", "features": ["massComment": true]])
      #expect(error?.field == "commentSettings.comment_content")
    }

    @Test func refusesBadViewDurationsNamingTheElement() {
      let base: [String: JSONValue] = [
        "target_post_url": "https://www.tiktok.com/@x/video/1", "features": ["boostPosts": true],
      ]
      var wrongType = base
      wrongType["postSettings"] = ["view_durations": [1, "soon"]]
      let typeError = ConfigTestSupport.refusal(SuperMarketingConfig.self, .object(wrongType))
      #expect(typeError?.field == "postSettings.view_durations[1]")
      #expect(typeError?.message == "expected a number, got a string \"soon\"")
      var reversed = base
      reversed["postSettings"] = ["view_durations": [9, 2]]
      #expect(
        ConfigTestSupport.refusal(SuperMarketingConfig.self, .object(reversed))?.field == "postSettings.view_durations")
      var wrongShape = base
      wrongShape["features"] = ["boostPosts": "yes please"]
      #expect(ConfigTestSupport.refusal(SuperMarketingConfig.self, .object(wrongShape))?.field == "features.boostPosts")
    }

    @Test func fansOutOneTaskWithTargetsInOrderAndMessagesTurned() throws {
      let config = try SuperMarketingConfig(json: Self.campaign)
      var rng = SeededGenerator(seed: 1)
      let tasks = config.fanOut(context: ConfigTestSupport.context(jobCount: 4), using: &rng)
      #expect(tasks.count == 1)
      let task = try #require(tasks.first)
      #expect(task.targetUsers == ["a", "b", "c"])
      #expect(task.targetPostURLs == config.targetPostURLs)
      #expect(task.dmSettings.messageContents == ["m1", "m2", "m0"])
      #expect(task.dmSettings.message(number: 0, using: &rng) == "m1")
      #expect(task.commentSettings.commentContents == ["c0", "c1"])
      #expect(try SuperMarketingConfig(json: task.json) == task)
    }
  }
}
