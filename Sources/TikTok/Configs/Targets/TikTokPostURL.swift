import Foundation

/// A TikTok post's URL, checked and kept as the client gave it, with the author and the post
/// id when the URL carries them.
///
/// Accepted forms: `https://www.tiktok.com/@user/video/ID` (also `/photo/ID`, `tiktok.com` or
/// `m.tiktok.com`, `http`, a trailing `/` or a query), and the short links
/// `https://vm.tiktok.com/CODE/` and `https://vt.tiktok.com/CODE/`, whose author and id are
/// known only once the app resolves them.
///
/// ```swift
/// let post = TikTokPostURL("https://www.tiktok.com/@alice/video/7301")!
/// post.username  // "alice"
/// post.postID    // "7301"
/// ```
public struct TikTokPostURL: Hashable, Sendable, CustomStringConvertible {
  /// The URL as given (trimmed).
  public var url: String
  /// The author, for a full URL.
  public var username: String?
  /// The post's numeric id, for a full URL.
  public var postID: String?

  /// Hosts of full post URLs.
  static let fullHosts: Set<String> = ["www.tiktok.com", "tiktok.com", "m.tiktok.com"]
  /// Hosts of short links.
  static let shortHosts: Set<String> = ["vm.tiktok.com", "vt.tiktok.com"]

  /// Checks `text` as a TikTok post URL.
  /// - Parameter text: the URL as a client wrote it.
  /// - Returns: nil when `text` is not a TikTok post URL.
  public init?(_ text: String) {
    let trimmed = text.trimmingWhitespace
    guard let (host, parts) = Self.split(trimmed) else { return nil }
    if Self.shortHosts.contains(host) {
      guard parts.count == 1, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
    } else {
      guard Self.fullHosts.contains(host), parts.count == 3, parts[1] == "video" || parts[1] == "photo",
        let user = TikTokUsername.normalize(parts[0]), parts[0].hasPrefix("@"),
        !parts[2].isEmpty, parts[2].allSatisfy(\.isASCIIDigit)
      else { return nil }
      username = user
      postID = parts[2]
    }
    url = trimmed
  }

  /// Whether this is a short link (`vm.tiktok.com`), which names neither author nor id.
  public var isShortLink: Bool { postID == nil }

  /// The URL as given.
  public var description: String { url }

  /// The lower-cased host and the non-empty path components of an http(s) URL.
  private static func split(_ text: String) -> (String, [String])? {
    guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      scheme == "https" || scheme == "http", let host = components.host?.lowercased()
    else { return nil }
    let parts = components.path.split(separator: "/").map(String.init)
    return (host, parts)
  }

  /// The user of a profile URL (`https://www.tiktok.com/@user`), or nil for other text.
  static func profileUser(in text: String) -> String? {
    guard let (host, parts) = split(text), fullHosts.contains(host), parts.count == 1, parts[0].hasPrefix("@")
    else { return nil }
    return parts[0]
  }

  /// The error message for `text`, which is not a post URL.
  static func invalidMessage(_ text: String) -> String {
    "\(text.messageQuoted) is not a TikTok post URL (expected https://www.tiktok.com/@user/video/ID or "
      + "https://vm.tiktok.com/CODE/)"
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0–9.
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
