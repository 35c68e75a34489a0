public import TaskEngine

/// The `script_config` of `profile`: a new name, bio and photo for the account.
///
/// `nicknames` and `bios` are newline lists and `avatars_path` a folder of images on this
/// computer; each task takes one of each, by `profile_order`. At least one of the three is
/// required. One task per executor, holding its picks: the nickname, the bio, and the image
/// as `avatar` (a file).
public struct ProfileConfig: TikTokScriptConfig {
  /// The longest name TikTok accepts, in characters.
  public static let maximumNicknameLength = 30
  /// The longest bio TikTok accepts, in characters.
  public static let maximumBioLength = 80

  /// The names to choose from (`nicknames`, one per line); a planned task holds at most one.
  public var nicknames: [String]
  /// The bios to choose from (`bios`, one per line); a planned task holds at most one.
  public var bios: [String]
  /// The folder of images to choose the photo from (`avatars_path`).
  public var avatarsPath: String?
  /// The photo's file (`avatar`): the image a planned task took from ``avatarsPath``.
  public var avatar: String?
  /// How each task picks (`profile_order`, default random).
  public var profileOrder: PickOrder

  /// Creates a configuration.
  public init(
    nicknames: [String] = [], bios: [String] = [], avatarsPath: String? = nil, avatar: String? = nil,
    profileOrder: PickOrder = .random
  ) {
    self.nicknames = nicknames
    self.bios = bios
    self.avatarsPath = avatarsPath
    self.avatar = avatar
    self.profileOrder = profileOrder
  }

  /// Decodes `script_config`.
  /// - Throws: ``ScriptConfigError`` when nothing is to change, a name or bio is longer than
  ///   TikTok allows, `avatars_path` is not a folder of images on this computer, or
  ///   `profile_order` is unknown.
  public init(json: JSONValue) throws(ScriptConfigError) {
    let reader = try ConfigReader(json)
    nicknames = try reader.textLines("nicknames") ?? []
    bios = try reader.textLines("bios") ?? []
    try Self.checkLengths(nicknames, key: "nicknames", limit: Self.maximumNicknameLength, what: "name", reader)
    try Self.checkLengths(bios, key: "bios", limit: Self.maximumBioLength, what: "bio", reader)
    avatar = try reader.file("avatar")
    avatarsPath = try reader.folder("avatars_path")
    if let avatarsPath, avatar == nil {
      _ = try ConfigReader.requireMedia(
        in: avatarsPath, extensions: MediaExtensions.image, kind: "image", field: reader.field("avatars_path"))
    }
    profileOrder = try reader.choice("profile_order", default: .random)
    guard !nicknames.isEmpty || !bios.isEmpty || avatarsPath != nil || avatar != nil else {
      throw reader.error(
        "nicknames", "nothing to change: give nicknames, bios (one per line) or avatars_path (a folder)")
    }
  }

  /// The name a planned task sets, if any.
  public var nickname: String? { nicknames.first }
  /// The bio a planned task sets, if any.
  public var bio: String? { bios.first }

  private static func checkLengths(
    _ items: [String], key: String, limit: Int, what: String, _ reader: ConfigReader
  ) throws(ScriptConfigError) {
    if let long = items.first(where: { $0.count > limit }) {
      throw reader.error(key, "the \(what) \(long.messageQuoted) has \(long.count) characters; TikTok allows \(limit)")
    }
  }

  /// The configuration as `script_config` JSON, defaults filled in; `init(json:)` reads it back.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "nicknames": .textLines(nicknames), "bios": .textLines(bios), "profile_order": .string(profileOrder.rawValue),
    ]
    if let avatarsPath { members["avatars_path"] = .string(avatarsPath) }
    if let avatar { members["avatar"] = .string(avatar) }
    return .object(members)
  }

  /// One task per executor with its nickname, bio and avatar picked by `profile_order`.
  /// - Throws: ``ScriptConfigError`` naming `avatars_path` when the folder no longer holds images.
  public func fanOut(context: PlanContext, using rng: inout some RandomNumberGenerator) throws(ScriptConfigError)
    -> [ProfileConfig]
  {
    var task = self
    task.nicknames = nicknames.narrowed(by: profileOrder, jobCount: context.jobCount, using: &rng)
    task.bios = bios.narrowed(by: profileOrder, jobCount: context.jobCount, using: &rng)
    if avatar == nil, let avatarsPath {
      let images = try ConfigReader.requireMedia(
        in: avatarsPath, extensions: MediaExtensions.image, kind: "image", field: "avatars_path")
      task.avatar = images.narrowed(by: profileOrder, jobCount: context.jobCount, using: &rng).first
    }
    task.avatarsPath = nil
    return [task]
  }
}
