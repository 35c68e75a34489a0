import DeviceControl
import TaskEngine
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct PostConfigTests {
    @Test func readsDefaults() throws {
      let media = try MediaFolder(["clip.mp4"])
      defer { media.remove() }
      let config = try PostConfig(json: ["material_list": [.string(media.file("clip.mp4"))]])
      #expect(config.contentType == .video)
      #expect(config.imageCount == 1)
      #expect(config.captions == "")
      #expect(config.postWay == .share)
      #expect(config.materialList == [media.file("clip.mp4")])
      #expect(config.uploadWaitSeconds == 30)
      #expect(config.soundWaitSeconds == 10)
      #expect(config.addSound == .appDefault)
      #expect(config.originSoundVolume == 50)
      #expect(config.addSoundVolume == 50)
      #expect(config.addProductLink == false)
    }

    @Test func acceptsNumbersSentAsStrings() throws {
      let media = try MediaFolder(["a.jpg", "b.jpg"])
      defer { media.remove() }
      let config = try PostConfig(json: [
        "material_list": [.string(media.file("a.jpg")), .string(media.file("b.jpg"))], "content_type": "1",
        "upload_wait_time": "60", "sound_wait_time": 5.0, "add_sound": "0", "add_product_link": 1,
        "origin_sound_volume": " 20 ",
      ])
      #expect(config.contentType == .images)
      #expect(config.uploadWaitSeconds == 60)
      #expect(config.soundWaitSeconds == 5)
      #expect(config.addSound == .off)
      #expect(config.addProductLink)
      #expect(config.originSoundVolume == 20)
    }

    @Test func refusesAMissingMaterialFileNamingTheElementAndThePath() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let missing = media.file("gone.mp4")
      let error = ConfigTestSupport.refusal(
        PostConfig.self, ["material_list": [.string(media.file("a.mp4")), .string(missing)]])
      #expect(error?.field == "material_list[1]")
      #expect(error?.message == "no file at \"\(missing)\" on this computer; check the path")
    }

    @Test func refusesAFolderInTheMaterialList() throws {
      let media = try MediaFolder([])
      defer { media.remove() }
      let error = ConfigTestSupport.refusal(PostConfig.self, ["material_list": [.string(media.path)]])
      #expect(error?.field == "material_list[0]")
      #expect(error?.message.hasSuffix("is a folder; give the path of a file") == true)
    }

    @Test func refusesAPostWithoutMedia() {
      let error = ConfigTestSupport.refusal(PostConfig.self, ["content_type": 1, "captions": "Hi"])
      #expect(error?.field == "material_list")
    }

    @Test func refusesAnUnbalancedSpintaxCaption() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let error = ConfigTestSupport.refusal(
        PostConfig.self, ["material_list": [.string(media.file("a.mp4"))], "captions": "{Hi|Hello there"])
      #expect(error?.field == "captions")
      #expect(error?.message == "the \"{\" at character 1 is never closed; spintax is written {a|b|c}")
    }

    @Test func refusesAWrongTypedNumber() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let error = ConfigTestSupport.refusal(
        PostConfig.self, ["material_list": [.string(media.file("a.mp4"))], "upload_wait_time": "abc"])
      #expect(error?.field == "upload_wait_time")
      #expect(error?.message == "expected a number, got a string \"abc\"")
    }

    @Test func refusesAVolumeOutOfRange() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let error = ConfigTestSupport.refusal(
        PostConfig.self, ["material_list": [.string(media.file("a.mp4"))], "add_sound_volume": 101])
      #expect(error?.field == "add_sound_volume")
      #expect(error?.message == "must be a whole number from 0 to 100, got 101")
    }

    @Test func refusesSoundOptionsMissingTheirKeys() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let list: JSONValue = [.string(media.file("a.mp4"))]
      let useSound = ConfigTestSupport.refusal(PostConfig.self, ["material_list": list, "post_way": "useSound"])
      #expect(useSound?.field == "sound_name")
      let custom = ConfigTestSupport.refusal(PostConfig.self, ["material_list": list, "add_sound": "custom"])
      #expect(custom?.field == "custom_sound_keyword")
      let unknown = ConfigTestSupport.refusal(PostConfig.self, ["material_list": list, "add_sound": 2])
      #expect(unknown?.field == "add_sound")
    }

    @Test func resolvesTheCaptionPerTaskReproducibly() throws {
      let media = try MediaFolder(["a.mp4"])
      defer { media.remove() }
      let config = try PostConfig(json: [
        "material_list": [.string(media.file("a.mp4"))], "captions": "{Hi|Hello} {world|{dear|sweet} friend}",
      ])
      var first = SeededGenerator(seed: 3)
      var second = SeededGenerator(seed: 3)
      let task = try #require(try config.fanOut(context: ConfigTestSupport.context(), using: &first).first)
      let again = try #require(try config.fanOut(context: ConfigTestSupport.context(), using: &second).first)
      #expect(task == again)
      #expect(!task.captions.contains("{") && !task.captions.contains("|"))
      #expect(try PostConfig(json: task.json) == task)
    }

    @Test func drawsFromTheFolderInTurnByJobCount() throws {
      let media = try MediaFolder(["c.mp4", "a.mp4", "b.MOV", "notes.txt", ".hidden.mp4"])
      defer { media.remove() }
      let config = try PostConfig(json: ["material_path": .string(media.path)])
      #expect(config.materialList.isEmpty)
      let picks = try (0..<4).map { jobCount in
        try config.fanOut(context: ConfigTestSupport.context(jobCount: jobCount)).first?.materialList
      }
      #expect(picks == [[media.file("a.mp4")], [media.file("b.MOV")], [media.file("c.mp4")], [media.file("a.mp4")]])
    }

    @Test func drawsImageCountImagesForAPhotoPost() throws {
      let media = try MediaFolder(["1.jpg", "2.png", "3.webp", "clip.mp4"])
      defer { media.remove() }
      let config = try PostConfig(json: ["material_path": .string(media.path), "content_type": 1, "image_count": 2])
      let task = try #require(try config.fanOut(context: ConfigTestSupport.context(jobCount: 2)).first)
      #expect(task.materialList == [media.file("3.webp"), media.file("1.jpg")])
      #expect(task.materialPath == nil)
    }

    @Test func refusesAFolderWithoutMediaOfTheKind() throws {
      let media = try MediaFolder(["photo.jpg"])
      defer { media.remove() }
      let error = ConfigTestSupport.refusal(PostConfig.self, ["material_path": .string(media.path)])
      #expect(error?.field == "material_path")
      #expect(error?.message.contains("holds no video file") == true)
    }
  }
}
