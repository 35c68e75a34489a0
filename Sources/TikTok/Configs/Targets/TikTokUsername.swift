/// User names as the scripts take them: trimmed, without the `@` people write in front.
///
/// ```swift
/// TikTokUsername.normalize("  @alice.b ")                      // "alice.b"
/// TikTokUsername.normalize("https://www.tiktok.com/@alice")   // "alice"
/// TikTokUsername.normalize("not a name")                      // nil
/// ```
public enum TikTokUsername {
  /// The user name in `text`, or nil when `text` is not one.
  ///
  /// Surrounding white space and leading `@`s are dropped, and a profile URL
  /// (`https://www.tiktok.com/@user`) gives its user. TikTok user names hold letters, digits,
  /// `_` and `.` only, so anything else (a space, a `/`) makes the text no user name.
  /// - Parameter text: a name as a client wrote it.
  /// - Returns: the bare name, or nil.
  public static func normalize(_ text: String) -> String? {
    var name = Substring(text.trimmingWhitespace)
    if let profile = TikTokPostURL.profileUser(in: String(name)) { name = Substring(profile) }
    while name.first == "@" { name = name.dropFirst() }
    guard !name.isEmpty, name.allSatisfy(isNameCharacter) else { return nil }
    return String(name)
  }

  /// Whether `character` may appear in a TikTok user name.
  private static func isNameCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_" || character == "."
  }

  /// The error message for `text`, which is not a user name.
  static func invalidMessage(_ text: String) -> String {
    "\(text.messageQuoted) is not a TikTok user name (letters, digits, \"_\" and \".\", with or without a leading \"@\")"
  }
}
