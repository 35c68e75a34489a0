public import TaskEngine

/// The `script_config` of `post`: the media, the caption, and the sound.
///
/// The media are `material_list` (files on this computer, each checked), or when that is
/// absent, drawn from the folder `material_path`: one video, or `image_count` images, taken in
/// turn by job count so that consecutive posts use different files. DroidMatrix has no
/// material library, so one of the two is required. `captions` may use spintax, resolved once
/// per task. One task per executor.
public struct PostConfig: TikTokScriptConfig {
  /// The most images TikTok takes in one photo post.
  public static let maximumImageCount = 35
  /// The longest `upload_wait_time` accepted, in seconds.
  public static let maximumUploadWaitSeconds = 3600
  /// The longest `sound_wait_time` accepted, in seconds.
  public static let maximumSoundWaitSeconds = 600

  /// Video or images (`content_type`, default video).
  public var contentType: ContentType
  /// How many images a photo post takes from `material_path` (`image_count`, default 1).
  public var imageCount: Int
  /// The caption, spintax allowed (`captions`, default ""); a planned task holds it resolved.
  public var captions: String
  /// How the flow reaches the post screen (`post_way`, default share).
  public var postWay: PostWay
  /// The media files on this computer (`material_list`); a planned task always has some.
  public var materialList: [String]
  /// The folder to draw media from when `material_list` is empty (`material_path`).
  public var materialPath: String?
  /// Seconds to wait for the upload to finish (`upload_wait_time`, default 30).
  public var uploadWaitSeconds: Int
  /// Seconds to wait for a sound to load (`sound_wait_time`, default 10).
  public var soundWaitSeconds: Int
  /// Whether and how to add a sound (`add_sound`, default "-1").
  public var addSound: SoundOption
  /// The sound to use (`sound_name`): required by ``PostWay/useSound``.
  public var soundName: String?
  /// The keyword to search a sound by (`custom_sound_keyword`): required by ``SoundOption/custom``.
  public var customSoundKeyword: String?
  /// The original sound's volume, 0–100 (`origin_sound_volume`, default 50).
  public var originSoundVolume: Int
  /// The added sound's volume, 0–100 (`add_sound_volume`, default 50).
  public var addSoundVolume: Int
  /// Whether to add a product link (`add_product_link` 0/1, default 0).
  public var addProductLink: Bool

  /// Creates a configuration for posting `materialList` with the other keys' defaults.
  public init(materialList: [String], captions: String = "", contentType: ContentType = .video) {
    self.contentType = contentType
    self.imageCount = max(1, materialList.count)
    self.captions = captions
    self.postWay = .share
    self.materialList = materialList
    self.materialPath = nil
    self.uploadWaitSeconds = 30
    self.soundWaitSeconds = 10
    self.addSound = .appDefault
    self.soundName = nil
    self.customSoundKeyword = nil
    self.originSoundVolume = 50
    self.addSoundVolume = 50
    self.addProductLink = false
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` for no media, a `material_list` file or `material_path`
  ///   folder that is not on this computer, unbalanced spintax braces in `captions`, a value
  ///   out of range, or a sound option without the key it needs.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    contentType = ContentType(rawValue: try reader.int("content_type", in: 0...1) ?? 0) ?? .video
    imageCount = try reader.int("image_count", in: 1...Self.maximumImageCount) ?? 1
    captions = try reader.string("captions", trimmed: false) ?? ""
    do {
      _ = try Spintax(captions)
    } catch {
      throw reader.error("captions", error.message)
    }
    postWay = try reader.choice("post_way", default: .share)
    uploadWaitSeconds = try reader.int("upload_wait_time", in: 1...Self.maximumUploadWaitSeconds) ?? 30
    soundWaitSeconds = try reader.int("sound_wait_time", in: 0...Self.maximumSoundWaitSeconds) ?? 10
    addSound = try SoundOption.read(reader)
    soundName = try reader.nonEmptyString("sound_name")
    customSoundKeyword = try reader.nonEmptyString("custom_sound_keyword")
    originSoundVolume = try reader.int("origin_sound_volume", in: 0...100) ?? 50
    addSoundVolume = try reader.int("add_sound_volume", in: 0...100) ?? 50
    addProductLink = try reader.bool("add_product_link") ?? false
    if postWay == .useSound, soundName == nil {
      throw reader.error("sound_name", "post_way \"useSound\" needs the sound's name or URL in sound_name")
    }
    if addSound == .custom, customSoundKeyword == nil {
      throw reader.error(
        "custom_sound_keyword", "add_sound \"custom\" needs a keyword to search in custom_sound_keyword")
    }
    let material = try Self.readMaterial(reader, contentType: contentType)
    materialList = material.list
    materialPath = material.folder
  }

  /// `material_list`, or else the checked `material_path` folder.
  private static func readMaterial(_ reader: ConfigReader, contentType: ContentType) throws(ScriptConfigError)
    -> (list: [String], folder: String?)
  {
    let list = try reader.files("material_list") ?? []
    if !list.isEmpty { return (list, nil) }
    _ = try reader.choice("material_source", default: MaterialSource.localFolder)
    guard let folder = try reader.folder("material_path") else {
      throw reader.error(
        "material_list",
        "give the media to post: material_list (files on this computer) or material_path (a folder of them); "
          + "DroidMatrix has no material library")
    }
    let kind = contentType.mediaName
    _ = try ConfigReader.requireMedia(
      in: folder, extensions: contentType.fileExtensions, kind: kind, field: reader.field("material_path"))
    return ([], folder)
  }

  /// TikMatrix's `material_source` values: read only to refuse unknown ones.
  private enum MaterialSource: String, CaseIterable {
    case materialLibrary, localFolder
  }
}
