public import TaskEngine

extension PostConfig {
  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "content_type": .int(contentType.rawValue), "image_count": .int(imageCount), "captions": .string(captions),
      "post_way": .string(postWay.rawValue), "material_list": .stringList(materialList),
      "upload_wait_time": .int(uploadWaitSeconds), "sound_wait_time": .int(soundWaitSeconds),
      "add_sound": addSound.json,
      "origin_sound_volume": .int(originSoundVolume), "add_sound_volume": .int(addSoundVolume),
      "add_product_link": .int(addProductLink ? 1 : 0),
    ]
    if let materialPath { members["material_path"] = .string(materialPath) }
    if let soundName { members["sound_name"] = .string(soundName) }
    if let customSoundKeyword { members["custom_sound_keyword"] = .string(customSoundKeyword) }
    return .object(members)
  }

  /// One task per executor, with its caption resolved and its media chosen: `material_list`,
  /// or files from `material_path` taken in turn from item `job_count mod count` on.
  /// - Throws: ``ScriptConfigError`` naming `material_path` when the folder no longer holds media.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) throws(ScriptConfigError)
    -> [PostConfig]
  {
    var task = self
    if let spintax = try? Spintax(captions) { task.captions = spintax.resolve(using: &rng) }
    if materialList.isEmpty, let materialPath {
      let files = try ConfigReader.requireMedia(
        in: materialPath, extensions: contentType.fileExtensions, kind: contentType.mediaName, field: "material_path")
      let wanted = contentType == .video ? 1 : min(imageCount, files.count)
      task.materialList = Array(files.rotated(by: .sequential, jobCount: context.jobCount).prefix(wanted))
      task.materialPath = nil
    }
    return [task]
  }
}
