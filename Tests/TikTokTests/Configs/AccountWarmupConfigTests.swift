import DeviceControl
import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct AccountWarmupConfigTests {
    @Test func readsDefaultsFromAnEmptyConfig() throws {
      let config = try AccountWarmupConfig(json: [:])
      #expect(config == AccountWarmupConfig())
      #expect(config.taskDurationSeconds == 600)
      #expect(config.watchSeconds == 15...30)
      #expect(config.likeProbability == .never)
      #expect(config.followProbability == .never)
      #expect(config.commentOrder == .random)
      #expect(config.chatGPTSettings == nil)
      #expect(try AccountWarmupConfig(json: .null) == config)
    }

    @Test func readsTheMisspelledFollowKeyAndNumericStrings() throws {
      let config = try AccountWarmupConfig(json: [
        "task_duration": "900", "min_duration": "20", "max_duration": 45, "like_probable": "30", "floow_probable": 10,
        "follow_probable": 99, "collect_probable": 5, "comment_probable": 15, "comment": "Wow\nNice",
      ])
      #expect(config.taskDurationSeconds == 900)
      #expect(config.watchSeconds == 20...45)
      #expect(config.likeProbability.percent == 30)
      #expect(config.followProbability.percent == 10)
      #expect(config.collectProbability.percent == 5)
      #expect(config.commentProbability.percent == 15)
      #expect(config.comments == ["Wow", "Nice"])
    }

    @Test func readsTheCorrectSpellingWhenTheMisspelledKeyIsAbsent() throws {
      #expect(try AccountWarmupConfig(json: ["follow_probable": 7]).followProbability.percent == 7)
    }

    @Test(arguments: ["like_probable", "floow_probable", "collect_probable", "comment_probable"])
    func refusesAProbabilityOutOfRange(key: String) {
      let error = ConfigTestSupport.refusal(AccountWarmupConfig.self, .object([key: 150, "comment": "x"]))
      #expect(error?.field == key)
      #expect(error?.message == "must be a whole number from 0 to 100, got 150")
    }

    @Test func refusesANegativeProbability() {
      #expect(ConfigTestSupport.refusal(AccountWarmupConfig.self, ["like_probable": -1])?.field == "like_probable")
    }

    @Test func refusesAFractionalWholeNumber() {
      let error = ConfigTestSupport.refusal(AccountWarmupConfig.self, ["task_duration": 1.5])
      #expect(error?.field == "task_duration")
      #expect(error?.message == "expected a whole number, got a number 1.5")
    }

    @Test func refusesAMaximumWatchBelowTheMinimum() {
      let error = ConfigTestSupport.refusal(AccountWarmupConfig.self, ["min_duration": 30, "max_duration": 10])
      #expect(error?.field == "max_duration")
    }

    @Test func refusesACommentChanceWithNothingToPost() {
      let error = ConfigTestSupport.refusal(AccountWarmupConfig.self, ["comment_probable": 20])
      #expect(error?.field == "comment")
    }

    @Test func requiresAnAPIKeyWhenChatGPTWritesTheComments() {
      let error = ConfigTestSupport.refusal(
        AccountWarmupConfig.self,
        ["comment_probable": 20, "generate_by_chatgpt": true, "chatgpt_settings": ["model": "x"]])
      #expect(error?.field == "chatgpt_settings.api_key")
    }

    @Test func readsChatGPTSettingsWithDefaults() throws {
      let config = try AccountWarmupConfig(json: [
        "comment_probable": 20, "generate_by_chatgpt": true,
        "chatgpt_settings": ["api_key": "sk-1", "temperature": "1.2"],
      ])
      let settings = try #require(config.chatGPTSettings)
      #expect(settings.apiKey == "sk-1")
      #expect(settings.model == ChatGPTSettings.defaultModel)
      #expect(settings.maxTokens == 100)
      #expect(settings.temperature == 1.2)
      #expect(settings.baseURL == "https://api.openai.com/v1")
      #expect(try AccountWarmupConfig(json: config.json) == config)
    }

    @Test func refusesABadChatGPTSetting() {
      let temperature = ConfigTestSupport.refusal(
        AccountWarmupConfig.self, ["chatgpt_settings": ["api_key": "k", "temperature": 3]])
      #expect(temperature?.field == "chatgpt_settings.temperature")
      let url = ConfigTestSupport.refusal(AccountWarmupConfig.self, ["chatgpt_settings": ["base_url": "ftp://x"]])
      #expect(url?.field == "chatgpt_settings.base_url")
      let shape = ConfigTestSupport.refusal(AccountWarmupConfig.self, ["chatgpt_settings": "sk-1"])
      #expect(shape?.field == "chatgpt_settings")
    }

    @Test func fansOutOneTaskWithOneTopicAndCommentsTurnedToTheJobCount() throws {
      let config = try AccountWarmupConfig(json: [
        "topic": "cats\ndogs\nbirds", "comment": "a\nb\nc", "comment_order": "sequential", "comment_probable": 50,
      ])
      var rng = SeededGenerator(seed: 9)
      let tasks = config.fanOut(context: ConfigTestSupport.context(jobCount: 4), using: &rng)
      #expect(tasks.count == 1)
      let task = try #require(tasks.first)
      #expect(task.topics.count == 1)
      #expect(config.topics.contains(try #require(task.topic)))
      #expect(task.comments == ["b", "c", "a"])
      #expect(task.comment(number: 0, using: &rng) == "b")
      #expect(task.comment(number: 2, using: &rng) == "a")
      #expect(try AccountWarmupConfig(json: task.json) == task)
    }
  }
}
