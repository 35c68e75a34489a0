public import TaskEngine

/// The ten TikTok scripts, ready to register with the task engine:
/// follow, unfollow, comment, post, account_warmup, like, message, profile, scrape_user and
/// super_marketing.
public enum TikTokScripts {
  /// Every script, by `script_name`.
  public static var registry: ScriptRegistry {
    ScriptRegistry([
      follow, unfollow, comment, post, accountWarmup, like, message, profile, scrapeUser, superMarketing,
    ])
  }

  /// `follow`: one task per target user.
  public static let follow = TikTokScript<FollowConfig>("follow") { session, config in
    var remarks: [String] = []
    for user in config.targetUsers { remarks.append(try await session.follow(user, via: config.accessMethod)) }
    return TaskOutcome(remark: remarks.joined(separator: "; "))
  }

  /// `unfollow`: one task per target user.
  public static let unfollow = TikTokScript<FollowConfig>("unfollow") { session, config in
    var remarks: [String] = []
    for user in config.targetUsers { remarks.append(try await session.unfollow(user, via: config.accessMethod)) }
    return TaskOutcome(remark: remarks.joined(separator: "; "))
  }

  /// `like`: one task per post URL.
  public static let like = TikTokScript<LikeConfig>("like") { session, config in
    var remarks: [String] = []
    for post in config.targetPostURLs {
      remarks.append(
        try await session.like(
          post.url, favorite: config.enableFavorite, watch: .seconds(config.viewDurationSeconds)))
    }
    return TaskOutcome(remark: remarks.joined(separator: "; "))
  }

  /// `comment`: one task per post URL, with the comment its order picked.
  public static let comment = TikTokScript<CommentConfig>("comment") { session, config in
    var imagePath: String?
    if let image = config.commentImagePath { imagePath = try await session.pushMedia([image]).first }
    var remarks: [String] = []
    for post in config.targetPostURLs {
      let text = Emoji.decorate(config.comment, insert: config.insertEmoji)
      remarks.append(try await session.comment(text, on: post.url, imagePath: imagePath))
    }
    return TaskOutcome(remark: remarks.joined(separator: "; "))
  }

  /// `message`: one task per target user.
  public static let message = TikTokScript<MessageConfig>("message") { session, config in
    var remarks: [String] = []
    for user in config.targetUsers {
      let text = Emoji.decorate(config.message, insert: config.insertEmoji)
      remarks.append(try await session.message(text, to: user, via: config.accessMethod))
    }
    return TaskOutcome(remark: remarks.joined(separator: "; "))
  }

  /// `post`: one task per executor, its caption resolved and media chosen when planned.
  public static let post = TikTokScript<PostConfig>("post") { session, config in
    let sound: String? =
      switch config.addSound {
      case .on: config.soundName
      case .custom: config.customSoundKeyword
      case .off, .appDefault: nil
      }
    let request = PostRequest(
      localMedia: config.materialList, caption: config.captions, soundName: sound,
      uploadWait: .seconds(config.uploadWaitSeconds))
    return TaskOutcome(remark: try await session.post(request))
  }

  /// `account_warmup`: watch and interact until `task_duration`.
  public static let accountWarmup = TikTokScript<AccountWarmupConfig>("account_warmup") { session, config in
    var plan = WarmupPlan(
      duration: .seconds(config.taskDurationSeconds), watch: config.watchSeconds, topic: config.topic)
    plan.likeChance = config.likeProbability.percent
    plan.followChance = config.followProbability.percent
    plan.favoriteChance = config.collectProbability.percent
    plan.commentChance = config.commentProbability.percent
    plan.comments = config.comments.map { Emoji.decorate($0, insert: config.insertEmoji) }
    let done = try await session.warmUp(plan)
    let result = JSONValue.object(done.mapValues { .int($0) })
    return TaskOutcome(remark: "watched \(done["videos"] ?? 0) videos", result: result)
  }

  /// `profile`: name, bio and photo of the logged-in account.
  public static let profile = TikTokScript<ProfileConfig>("profile") { session, config in
    TaskOutcome(
      remark: try await session.editProfile(nickname: config.nickname, bio: config.bio, avatar: config.avatar))
  }

  /// `scrape_user`: the profile's counts, or its followers or following up to the maximum.
  public static let scrapeUser = TikTokScript<ScrapeUserConfig>("scrape_user") { session, config in
    let user = config.targetUsername
    switch config.mode {
    case .profile:
      let profile = try await session.scrapeProfile(user)
      return TaskOutcome(remark: "scraped @\(user)'s profile", result: profile)
    case .followers, .following:
      let handles = try await session.scrapeList(
        user, following: config.mode == .following, limit: config.maxScrapeCount)
      let result = JSONValue.object([
        "username": .string(user), "mode": .string(config.mode.rawValue), "count": .int(handles.count),
        "users": .array(handles.map { .string($0) }),
      ])
      return TaskOutcome(remark: "scraped \(handles.count) \(config.mode.rawValue) of @\(user)", result: result)
    }
  }
}
