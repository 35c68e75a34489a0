/// The screens of the TikTok app that flows tell apart (names as `droidmatrix ui screen` prints them).
public enum TikTokScreen: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
  /// The For You / Following feed with the bottom navigation.
  case feed
  /// One video opened on its own (from a link or a profile): the right rail, no bottom navigation.
  case video
  /// Another user's profile: counts, Follow/Following and Message.
  case profile
  /// The logged-in account's profile: counts and Edit profile.
  case ownProfile = "own_profile"
  /// The comments sheet with its "Add comment..." composer.
  case comments
  /// The search page before results: the query field and suggestions.
  case search
  /// Search results with their Top / Users / Videos tabs.
  case searchResults = "search_results"
  /// The camera of Create (+).
  case create
  /// The gallery picker of Create.
  case gallery
  /// The editor after picking media (Text, Stickers, Effects, Next).
  case editor
  /// The post screen: caption fields, privacy, Drafts and Post.
  case post
  /// The inbox.
  case inbox
  /// A direct-message conversation.
  case conversation
  /// Edit profile: name, username, bio, photo.
  case editProfile = "edit_profile"
  /// The account switcher sheet.
  case accountSwitcher = "account_switcher"
  /// A dialog or pop-up covering the screen (permissions, update prompts).
  case dialog
  /// None of the above with enough evidence.
  case unknown

  public var description: String { rawValue }
}
