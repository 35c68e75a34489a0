import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct ProfileConfigTests {
    @Test func readsListsAndDefaults() throws {
      let config = try ProfileConfig(json: ["nicknames": "Ann\nBea", "bios": ["Hi there"]])
      #expect(config.nicknames == ["Ann", "Bea"])
      #expect(config.bios == ["Hi there"])
      #expect(config.avatarsPath == nil)
      #expect(config.profileOrder == .random)
    }

    @Test func refusesAConfigWithNothingToChange() {
      let error = ConfigTestSupport.refusal(ProfileConfig.self, ["profile_order": "sequential"])
      #expect(error?.field == "nicknames")
    }

    @Test func refusesANicknameLongerThanTikTokAllows() {
      let error = ConfigTestSupport.refusal(
        ProfileConfig.self, ["nicknames": .string(String(repeating: "n", count: 31))])
      #expect(error?.field == "nicknames")
    }

    @Test func refusesAMissingAvatarsFolder() {
      let error = ConfigTestSupport.refusal(ProfileConfig.self, ["avatars_path": "/nonexistent/droidmatrix/avatars"])
      #expect(error?.field == "avatars_path")
      #expect(error?.message == "no folder at \"/nonexistent/droidmatrix/avatars\" on this computer; check the path")
    }

    @Test func refusesAnAvatarsFolderWithoutImages() throws {
      let folder = try MediaFolder(["clip.mp4"])
      defer { folder.remove() }
      let error = ConfigTestSupport.refusal(ProfileConfig.self, ["avatars_path": .string(folder.path)])
      #expect(error?.field == "avatars_path")
    }

    @Test func sequentialOrderPicksEachListByJobCount() throws {
      let folder = try MediaFolder(["a.jpg", "b.png"])
      defer { folder.remove() }
      let config = try ProfileConfig(json: [
        "nicknames": "N0\nN1\nN2", "bios": "B0\nB1", "avatars_path": .string(folder.path),
        "profile_order": "sequential",
      ])
      let tasks = try (0..<3).map { try config.fanOut(context: ConfigTestSupport.context(jobCount: $0))[0] }
      #expect(tasks.map(\.nickname) == ["N0", "N1", "N2"])
      #expect(tasks.map(\.bio) == ["B0", "B1", "B0"])
      #expect(tasks.map(\.avatar) == [folder.file("a.jpg"), folder.file("b.png"), folder.file("a.jpg")])
      for task in tasks {
        #expect(task.avatarsPath == nil)
        #expect(try ProfileConfig(json: task.json) == task)
      }
    }
  }
}
