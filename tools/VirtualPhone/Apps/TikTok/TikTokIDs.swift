/// TikTok's obfuscated resource ids: short names (`f57`, `emm`, `lc9`) that R8 assigns anew in
/// every release. Here each is derived from a hash of the view's role and the app version, so
/// they are stable within a version and change with it, and flows must not rely on them.
struct TikTokIDs: Sendable, Hashable {
  /// The app version the ids belong to.
  let version: String

  private static let letters = Array("abcdefghijklmnopqrstuvwxyz")
  private static let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789_")

  /// The id of the view with this role (`like_button`, `bottom_tab_home`).
  func callAsFunction(_ role: String) -> String {
    let hash = TikTokWorld.hash("resource-id", version, role)
    let first = Self.letters[Int(hash % 26)]
    let second = Self.characters[Int((hash >> 8) % 37)]
    let third = Self.characters[Int((hash >> 16) % 37)]
    return String([first, second, third])
  }
}
