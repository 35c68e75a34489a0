import ADB
import DeviceControl
import Foundation
import InteropSupport
import TaskEngine
import Testing
import VirtualPhone

@testable import TikTok

/// Each of the ten scripts against the virtual phone's TikTok, checked through `vphone state`.
@Suite(.timeLimit(.minutes(2))) struct TikTokScriptsTests {
  static let video = "https://www.tiktok.com/@alice/video/7301234567890123456"

  @Test func followsThenUnfollowsAndSaysWhenNothingIsToDo() async throws {
    try await TikTokPhone.with { session, phone in
      let followed = try await TikTokPhone.run(TikTokScripts.follow, ["target_users": ["alice", "bob"]], in: session)
      #expect(followed.map(\.remark) == ["followed @alice", "followed @bob"])
      #expect(Set(TikTokPhone.strings(try TikTokPhone.account(phone)["follows"])) == ["alice", "bob"])
      let again = try await TikTokPhone.run(TikTokScripts.follow, ["target_user": "alice"], in: session)
      #expect(again.map(\.remark) == ["already following @alice"])
      let unfollowed = try await TikTokPhone.run(
        TikTokScripts.unfollow, ["target_users": ["alice"], "access_method": "search"], in: session)
      #expect(unfollowed.map(\.remark) == ["unfollowed @alice"])
      #expect(TikTokPhone.strings(try TikTokPhone.account(phone)["follows"]) == ["bob"])
    }
  }

  @Test func aFollowByDeepLinkTakesAtMostThreeDumps() async throws {
    try await TikTokPhone.with { session, _ in
      try await session.launch()
      let before = await session.ui.counters
      _ = try await session.follow("carol")
      let used = await session.ui.counters - before
      #expect(used.dumps <= 3, "\(used)")
    }
  }

  @Test func aMissingUserOrVideoFailsWithItsName() async throws {
    try await TikTokPhone.with { session, _ in
      do {
        _ = try await TikTokPhone.run(TikTokScripts.follow, ["target_users": ["ghost_42"]], in: session)
        Issue.record("a missing user must fail")
      } catch let error as TikTokError {
        #expect(error.kind == .targetNotFound)
        #expect(error.message == "user @ghost_42 not found")
        #expect(error.taskFailure.message.hasPrefix("user @ghost_42 not found"))
      }
      do {
        _ = try await session.like("https://www.tiktok.com/@alice/video/7301234567890100404")
        Issue.record("a deleted video must fail")
      } catch let error as TikTokError {
        #expect(error.kind == .targetNotFound)
      }
    }
  }

  @Test func likesAndFavoritesAVideo() async throws {
    try await TikTokPhone.with { session, phone in
      let outcomes = try await TikTokPhone.run(
        TikTokScripts.like, ["target_post_url": .string(Self.video), "enable_favorite": true], in: session)
      #expect(outcomes.count == 1)
      let account = try TikTokPhone.account(phone)
      #expect(TikTokPhone.strings(account["likes"]) == ["7301234567890123456"])
      #expect(TikTokPhone.strings(account["favorites"]) == ["7301234567890123456"])
      let again = try await session.like(Self.video)
      #expect(again.hasPrefix("already liked"))
    }
  }

  @Test func commentsWithAndWithoutAnImage() async throws {
    let image = try TikTokPhone.localFile("comment.jpg")
    try await TikTokPhone.with { session, phone in
      _ = try await TikTokPhone.run(
        TikTokScripts.comment, ["target_post_url": .string(Self.video), "comment_content": "Great video!"], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.comment,
        [
          "target_post_url": .string(Self.video), "comment_content": "With a picture",
          "comment_image_path": .string(image),
        ],
        in: session)
      let comments = try TikTokPhone.account(phone)["comments"]?.arrayValue ?? []
      #expect(comments.map { $0["text"]?.stringValue } == ["Great video!", "With a picture"])
      #expect(comments.allSatisfy { $0["video"]?.stringValue == "7301234567890123456" })
      #expect(comments[1]["image"]?.stringValue?.hasSuffix("comment.jpg") == true)
    }
  }

  @Test func messagesAUser() async throws {
    try await TikTokPhone.with { session, phone in
      _ = try await TikTokPhone.run(
        TikTokScripts.message, ["target_user": "dave", "message_contents": "Hello Dave"], in: session)
      let messages = try TikTokPhone.account(phone)["messages"]?.arrayValue ?? []
      #expect(messages.map { $0["to"]?.stringValue } == ["dave"])
      #expect(messages.first?["text"]?.stringValue == "Hello Dave")
    }
  }

  @Test func postsPushedMediaWithItsCaption() async throws {
    let clip = try TikTokPhone.localFile("clip.mp4")
    try await TikTokPhone.with { session, phone in
      _ = try await TikTokPhone.run(
        TikTokScripts.post, ["material_list": [.string(clip)], "captions": "{Hello|Hello} world #fyp"], in: session)
      let posts = try TikTokPhone.account(phone)["posts"]?.arrayValue ?? []
      #expect(posts.count == 1)
      #expect(posts.first?["caption"]?.stringValue?.contains("Hello world #fyp") == true)
      #expect(TikTokPhone.strings(posts.first?["media"]) == ["\(TikTokSession.mediaFolder)/clip.mp4"])
      #expect(try phone.fileSystem.readFile("\(TikTokSession.mediaFolder)/clip.mp4").count == 50_000)
    }
  }

  @Test func warmsUpByWatchingAndLiking() async throws {
    try await TikTokPhone.with { session, phone in
      let outcomes = try await TikTokPhone.run(
        TikTokScripts.accountWarmup,
        ["task_duration": 3, "min_duration": 1, "max_duration": 1, "like_probable": 100], in: session)
      let result = try #require(outcomes.first?.result)
      #expect((result["videos"]?.intValue ?? 0) >= 2)
      let account = try TikTokPhone.account(phone)
      #expect(TikTokPhone.strings(account["likes"]).count == result["likes"]?.intValue)
      #expect((account["watched"]?.arrayValue?.count ?? 0) >= 2)
    }
  }

  @Test func editsTheProfile() async throws {
    let folder = try makeTemporaryDirectory("avatars")
    try Data(repeating: 7, count: 2_000).write(to: folder.appendingPathComponent("me.jpg"))
    try await TikTokPhone.with { session, phone in
      _ = try await TikTokPhone.run(
        TikTokScripts.profile,
        ["nicknames": "Nova Star", "bios": "Made with DroidMatrix", "avatars_path": .string(folder.path)], in: session)
      let profile = try TikTokPhone.account(phone)["profile"]
      #expect(profile?["nickname"]?.stringValue == "Nova Star")
      #expect(profile?["bio"]?.stringValue == "Made with DroidMatrix")
      #expect(profile?["avatar"]?.stringValue?.hasSuffix("me.jpg") == true)
    }
  }

  @Test func scrapesAProfileAndItsFollowers() async throws {
    try await TikTokPhone.with { session, _ in
      let profile = try await TikTokPhone.run(TikTokScripts.scrapeUser, ["target_username": "erin"], in: session)
      let result = try #require(profile.first?.result)
      #expect(result["username"]?.stringValue == "erin")
      #expect(result["followers"]?.intValue != nil)
      let followers = try await TikTokPhone.run(
        TikTokScripts.scrapeUser, ["target_username": "erin", "mode": "followers", "max_scrape_count": 25],
        in: session)
      let users = TikTokPhone.strings(followers.first?.result?["users"])
      #expect(users.count == min(25, result["followers"]?.intValue ?? 0))
      #expect(Set(users).count == users.count)
    }
  }

  @Test func runsAMarketingCampaignInOrder() async throws {
    try await TikTokPhone.with { session, phone in
      let outcomes = try await TikTokPhone.run(
        TikTokScripts.superMarketing,
        [
          "target_users": "frank\nghost_9", "target_post_urls": .string(Self.video),
          "features": ["followUsers": true, "boostPosts": true],
          "postSettings": ["enable_like": true, "view_durations": [0, 0]],
        ], in: session)
      #expect(outcomes.first?.result?["failed"]?.intValue == 1)  // ghost_9 does not exist.
      let account = try TikTokPhone.account(phone)
      #expect(TikTokPhone.strings(account["follows"]) == ["frank"])
      #expect(TikTokPhone.strings(account["likes"]) == ["7301234567890123456"])
    }
  }

  @Test func switchesToTheTasksAccountFirst() async throws {
    try await TikTokPhone.with(accounts: ["vphone1", "vphone2"]) { session, phone in
      _ = try await TikTokPhone.run(TikTokScripts.follow, ["target_user": "gina"], account: "vphone2", in: session)
      #expect(try TikTokPhone.state(phone)["current_account"]?.stringValue == "vphone2")
      #expect(TikTokPhone.strings(try TikTokPhone.account(phone, "vphone2")["follows"]) == ["gina"])
      #expect(TikTokPhone.strings(try TikTokPhone.account(phone, "vphone1")["follows"]).isEmpty)
    }
  }

  @Test func everyScriptCompletesWithPopupsAtThirtyPercent() async throws {
    let clip = try TikTokPhone.localFile("popup-clip.mp4")
    try await TikTokPhone.with(popupChance: 0.3, seed: 11) { session, phone in
      _ = try await TikTokPhone.run(TikTokScripts.follow, ["target_users": ["hank", "ivy"]], in: session)
      _ = try await TikTokPhone.run(TikTokScripts.like, ["target_post_url": .string(Self.video)], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.comment, ["target_post_url": .string(Self.video), "comment_content": "Popups!"], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.message, ["target_user": "jack", "message_contents": "Hi"], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.post, ["material_list": [.string(clip)], "captions": "p"], in: session)
      _ = try await TikTokPhone.run(TikTokScripts.profile, ["nicknames": "Pop Star"], in: session)
      _ = try await TikTokPhone.run(TikTokScripts.scrapeUser, ["target_username": "kim"], in: session)
      _ = try await TikTokPhone.run(TikTokScripts.unfollow, ["target_users": ["hank"]], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.accountWarmup, ["task_duration": 2, "min_duration": 1, "max_duration": 1], in: session)
      _ = try await TikTokPhone.run(
        TikTokScripts.superMarketing,
        ["target_users": "lee", "features": ["sendDM": true], "dmSettings": ["message_contents": "Yo"]],
        in: session)
      let account = try TikTokPhone.account(phone)
      #expect(TikTokPhone.strings(account["follows"]).sorted() == ["ivy"])
      #expect((account["comments"]?.arrayValue?.count ?? 0) == 1)
      #expect((account["posts"]?.arrayValue?.count ?? 0) == 1)
      #expect((account["messages"]?.arrayValue?.count ?? 0) == 2)
    }
  }

  @Test func badConfigsAreRefusedNamingTheField() throws {
    let context = PlanContext(executor: TaskExecutor(serial: "vp"), jobCount: 0)
    #expect(throws: ScriptConfigError.self) {
      try TikTokScripts.comment.plan(config: ["target_post_url": "x"], context: context)
    }
    do {
      _ = try TikTokScripts.accountWarmup.plan(config: ["like_probable": 150], context: context)
      Issue.record("a probability over 100 must be refused")
    } catch {
      #expect(error.field == "like_probable")
    }
    #expect(TikTokScripts.registry.names.count == 10)
  }
}
