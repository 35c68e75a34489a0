import TaskEngine

/// One item of a list-valued key, with the field name errors about it should carry:
/// `target_users[2]` for an element of a JSON list, `target_user` for a line of a string.
struct ConfigItem: Hashable {
  /// The field name for errors about this item.
  var field: String
  /// The item, trimmed.
  var text: String
}

extension ConfigReader {
  /// How a string value is cut into items.
  enum Separators {
    /// One item per line: text alternatives (`comment_content`), which may contain commas.
    case newlines
    /// Items separated by newlines or commas: user names and URLs (`target_user`).
    case newlinesAndCommas

    func splits(_ character: Character) -> Bool {
      switch self {
      case .newlines: character.isNewline
      case .newlinesAndCommas: character.isNewline || character == "," || character == "，"
      }
    }
  }

  /// The items at `key`: a string cut at `separators`, or a list of strings. Items are trimmed
  /// and blank ones dropped; nil when the key is absent.
  /// - Throws: when the value is neither a string nor a list of strings.
  func items(_ key: String, separators: Separators) throws(ScriptConfigError) -> [ConfigItem]? {
    guard let value = value(key) else { return nil }
    switch value {
    case .string(let text):
      return text.split(whereSeparator: separators.splits)
        .map { ConfigItem(field: field(key), text: String($0).trimmingWhitespace) }
        .filter { !$0.text.isEmpty }
    case .array(let elements):
      var items: [ConfigItem] = []
      for (index, element) in elements.enumerated() {
        let elementField = "\(field(key))[\(index)]"
        guard case .string(let text) = element else {
          throw ScriptConfigError(field: elementField, message: "expected a string, got \(element.messageSummary)")
        }
        let item = ConfigItem(field: elementField, text: text.trimmingWhitespace)
        if !item.text.isEmpty { items.append(item) }
      }
      return items
    default:
      throw mismatch(key, expected: "a string or a list of strings", got: value)
    }
  }

  /// Text alternatives at `key`, one per line (or a list of strings); nil when absent.
  /// - Throws: when the value is neither a string nor a list of strings.
  func textLines(_ key: String) throws(ScriptConfigError) -> [String]? {
    try items(key, separators: .newlines)?.map(\.text)
  }

  /// The items of the first of `keys` that holds at least one, in the order the keys are
  /// given: the first key wins over the later ones. Empty when none does.
  /// - Throws: when one of the keys holds a value of the wrong type.
  func firstItems(_ keys: [String], separators: Separators) throws(ScriptConfigError) -> [ConfigItem] {
    for key in keys {
      if let items = try items(key, separators: separators), !items.isEmpty { return items }
    }
    return []
  }

  // MARK: - Targets

  /// The target users: `keys[0]` (a list) wins over the later keys (newline- or
  /// comma-separated strings); each name is normalized (no `@`, trimmed).
  /// - Parameter required: whether an empty list is an error naming `keys[0]`.
  /// - Throws: when a key has the wrong type, a name is not a user name, or none is given.
  func targetUsers(_ keys: [String], required: Bool = true) throws(ScriptConfigError) -> [String] {
    let items = try firstItems(keys, separators: .newlinesAndCommas)
    guard !items.isEmpty || !required else {
      throw error(keys[0], "give at least one TikTok user name (\(keys.joined(separator: " or ")))")
    }
    var users: [String] = []
    for item in items {
      guard let user = TikTokUsername.normalize(item.text) else {
        throw ScriptConfigError(field: item.field, message: TikTokUsername.invalidMessage(item.text))
      }
      users.append(user)
    }
    return users
  }

  /// The target posts: `keys[0]` (a list) wins over the later keys (newline- or
  /// comma-separated strings); each must be a TikTok post URL.
  /// - Parameter required: whether an empty list is an error naming `keys[0]`.
  /// - Throws: when a key has the wrong type, an item is not a post URL, or none is given.
  func targetPosts(_ keys: [String], required: Bool = true) throws(ScriptConfigError) -> [TikTokPostURL] {
    let items = try firstItems(keys, separators: .newlinesAndCommas)
    guard !items.isEmpty || !required else {
      throw error(keys[0], "give at least one TikTok post URL (\(keys.joined(separator: " or ")))")
    }
    var posts: [TikTokPostURL] = []
    for item in items {
      guard let post = TikTokPostURL(item.text) else {
        throw ScriptConfigError(field: item.field, message: TikTokPostURL.invalidMessage(item.text))
      }
      posts.append(post)
    }
    return posts
  }
}

// MARK: - Writing lists back

extension JSONValue {
  /// Text alternatives as a config holds them: one string with a line per item, as TikMatrix's
  /// clients send them, or a list when an item has a line break of its own.
  static func textLines(_ items: [String]) -> JSONValue {
    if items.contains(where: { $0.contains(where: \.isNewline) }) { return .array(items.map(JSONValue.string)) }
    return .string(items.joined(separator: "\n"))
  }

  /// A list of strings.
  static func stringList(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
}
