/// The TikTok world the virtual phone shows: users, videos, comments and follower lists, all
/// derived from hashes of handles and ids, so every phone and every run sees the same world
/// without storing it. Only what the phone's accounts change (follows, likes, posts…) lives in
/// ``TikTokStore``.
///
/// - Any handle exists except those starting with `ghost` ("Couldn't find this account").
/// - Any video id exists except those ending in `404` ("This video is unavailable").
/// - Feeds, lists and search results draw their users from a fixed pool of ``poolSize`` handles.
public enum TikTokWorld {
  /// How many generated users feeds, comments and follower lists draw from.
  public static let poolSize = 5000
  /// Follower and following lists show at most this many rows, then end.
  public static let listLimit = 120

  // MARK: - Hashing

  /// A stable 64-bit hash of some strings (FNV-1a, then SplitMix64's finaliser): Swift's
  /// `Hasher` is seeded per process and would change the world between runs.
  public static func hash(_ parts: String...) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      hash = (hash ^ 0x1F) &* 0x100_0000_01b3
    }
    var random = SeededRandom(seed: hash)
    return random.next()
  }

  /// A number in `0..<bound` picked by the hash of `parts`.
  static func pick(_ bound: Int, _ parts: String...) -> Int {
    guard bound > 0 else { return 0 }
    var hash: UInt64 = 0
    for part in parts { hash = Self.hash(String(hash), part) }
    return Int(hash % UInt64(bound))
  }

  // MARK: - Users

  /// A handle as TikTok keeps it: without `@`, lower-cased.
  public static func normalized(_ handle: String) -> String {
    String(handle.drop { $0 == "@" }).lowercased()
  }

  /// Whether a handle is missing from the world (it starts with `ghost`).
  public static func isGhost(_ handle: String) -> Bool {
    normalized(handle).hasPrefix("ghost")
  }

  /// Whether `text` can be a handle: 2 to 24 letters, digits, `.` and `_`.
  public static func isValidHandle(_ text: String) -> Bool {
    (2...24).contains(text.count)
      && text.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "_" }
  }

  /// The user with this handle, or nil for a `ghost…` handle or an invalid one.
  public static func user(_ handle: String) -> TikTokUser? {
    let handle = normalized(handle)
    guard isValidHandle(handle), !isGhost(handle) else { return nil }
    return TikTokUser(handle: handle)
  }

  /// The handle of pool user `index`.
  public static func poolHandle(_ index: Int) -> String {
    let adjective = Words.adjectives[pick(Words.adjectives.count, "adjective", String(index))]
    let noun = Words.nouns[pick(Words.nouns.count, "noun", String(index))]
    let separator = ["", ".", "_"][pick(3, "separator", String(index))]
    return "\(adjective)\(separator)\(noun)\(index % 100 < 60 ? String(index) : "")"
  }

  /// The pool user picked by the hash of `parts`.
  static func poolUser(_ parts: String...) -> String {
    var hash: UInt64 = 0
    for part in parts { hash = Self.hash(String(hash), part) }
    return poolHandle(Int(hash % UInt64(poolSize)))
  }

  /// The handle of a user id (`snssdk1233://user/profile/<uid>`): a pool user, or one of
  /// `known` (handles the app has met).
  static func handle(ofUID uid: String, known: some Sequence<String>) -> String? {
    for handle in known where TikTokUser.uid(of: handle) == uid { return handle }
    return (0..<poolSize).lazy.map(poolHandle).first { TikTokUser.uid(of: $0) == uid }
  }

  // MARK: - Videos

  /// The video `id` by `author`, or nil when it does not exist (an id ending in `404`, an
  /// author who does not exist).
  public static func video(id: String, author: String) -> TikTokVideo? {
    guard !id.isEmpty, !id.hasSuffix("404"), let user = user(author) else { return nil }
    return TikTokVideo(id: id, author: user)
  }

  /// Video `index` of the For You feed of `account`.
  public static func forYouVideo(account: String, index: Int) -> TikTokVideo {
    let author = TikTokUser(handle: poolUser("feed", account, String(index)))
    let number = pick(author.videoCount, "feed-video", account, String(index))
    return TikTokVideo(id: author.videoID(number), author: author)
  }

  /// A 19-digit id starting with `prefix` from the hash of `parts`.
  static func numericID(prefix: String, _ parts: String...) -> String {
    var hash: UInt64 = 0
    for part in parts { hash = Self.hash(String(hash), part) }
    let digits = String(hash % 1_000_000_000_000_000_000)
    return prefix + String(repeating: "0", count: 18 - digits.count) + digits
  }

  // MARK: - Counts

  /// A count as TikTok prints it: `3,264` below ten thousand, then `24.9K`, `480.1K`, `1.2M`.
  public static func formatCount(_ count: Int) -> String {
    func scaled(_ value: Int, _ unit: Int, _ suffix: String) -> String {
      let tenths = value * 10 / unit
      return tenths % 10 == 0 ? "\(tenths / 10)\(suffix)" : "\(tenths / 10).\(tenths % 10)\(suffix)"
    }
    switch count {
    case ..<10_000:
      let digits = String(count)
      guard digits.count > 3 else { return digits }
      return digits.dropLast(3) + "," + digits.suffix(3)
    case ..<1_000_000: return scaled(count, 1000, "K")
    case ..<1_000_000_000: return scaled(count, 1_000_000, "M")
    default: return scaled(count, 1_000_000_000, "B")
    }
  }

  /// A count spread over several orders of magnitude (most videos have few likes, some many).
  static func skewedCount(minimumDigits: Int, maximumDigits: Int, _ parts: String...) -> Int {
    var hash: UInt64 = 0
    for part in parts { hash = Self.hash(String(hash), part) }
    let span = Double(maximumDigits - minimumDigits)
    let unit = Double(hash >> 11) * 0x1.0p-53
    var value = 1.0
    for _ in 0..<minimumDigits { value *= 10 }
    var exponent = unit * span
    while exponent >= 1 {
      value *= 10
      exponent -= 1
    }
    return Int(value * (1 + exponent * 9))
  }
}
