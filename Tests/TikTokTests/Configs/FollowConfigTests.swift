import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct FollowConfigTests {
    @Test func readsTargetUsersWithDefaults() throws {
      let config = try FollowConfig(json: ["target_users": ["@alice", " bob "]])
      #expect(config.targetUsers == ["alice", "bob"])
      #expect(config.accessMethod == .direct)
    }

    @Test func targetUsersWinsOverTargetUserAndTargetUsername() throws {
      let config = try FollowConfig(json: [
        "target_users": ["alice"], "target_user": "bob", "target_username": "carol",
      ])
      #expect(config.targetUsers == ["alice"])
    }

    @Test func targetUserWinsOverTargetUsernameAndSplitsLinesAndCommas() throws {
      let config = try FollowConfig(json: ["target_user": "@bob, carol\r\ndave\n\n", "target_username": "erin"])
      #expect(config.targetUsers == ["bob", "carol", "dave"])
    }

    @Test func emptyTargetUsersFallsBackToTheStringForm() throws {
      let config = try FollowConfig(json: ["target_users": [], "target_user": "bob"])
      #expect(config.targetUsers == ["bob"])
    }

    @Test func readsTheSeedsOlderTargetUsername() throws {
      let config = try FollowConfig(json: ["target_username": "@carol", "access_method": "search"])
      #expect(config.targetUsers == ["carol"])
      #expect(config.accessMethod == .search)
    }

    @Test func refusesAnEmptyTargetList() {
      let error = ConfigTestSupport.refusal(FollowConfig.self, ["target_user": " , \n"])
      #expect(error?.field == "target_users")
    }

    @Test func refusesANonStringElementNamingIt() {
      let error = ConfigTestSupport.refusal(FollowConfig.self, ["target_users": ["alice", 42]])
      #expect(error?.field == "target_users[1]")
      #expect(error?.message == "expected a string, got a number 42")
    }

    @Test func refusesANameThatIsNoUserName() {
      let error = ConfigTestSupport.refusal(FollowConfig.self, ["target_users": ["alice", "bob smith"]])
      #expect(error?.field == "target_users[1]")
      #expect(error?.message.contains("\"bob smith\" is not a TikTok user name") == true)
    }

    @Test func refusesAnUnknownAccessMethod() {
      let error = ConfigTestSupport.refusal(FollowConfig.self, ["target_user": "a", "access_method": "teleport"])
      #expect(error?.field == "access_method")
      #expect(error?.message == "must be one of direct, search; got \"teleport\"")
    }

    @Test func refusesAConfigThatIsNoObject() {
      let error = ConfigTestSupport.refusal(FollowConfig.self, ["alice"])
      #expect(error?.field == "")
      #expect(error?.message == "expected an object, got a list")
    }

    @Test func fansOutOneTaskPerUserThatRoundTrips() throws {
      let config = try FollowConfig(json: ["target_user": "a,b,c", "access_method": "search"])
      let tasks = try config.fanOut(context: ConfigTestSupport.context())
      #expect(tasks.map(\.targetUsers) == [["a"], ["b"], ["c"]])
      #expect(tasks.allSatisfy { $0.accessMethod == .search })
      for task in tasks { #expect(try FollowConfig(json: task.json) == task) }
      #expect(tasks[0].json == ["target_users": ["a"], "access_method": "search"])
    }
  }
}
