/// A deep link an app model handles: a URL pattern and the screen it opens
/// (`am start -a android.intent.action.VIEW -d URL PKG`).
///
/// A pattern is a URL whose path segments may hold one `{name}` placeholder each, with literal
/// text around it: `droidmatrix://item/{n}`, `https://www.tiktok.com/@{user}/video/{id}`. A
/// placeholder matches a non-empty segment and becomes a route parameter. Query and fragment
/// of the URL are ignored, and so is a trailing slash.
public struct AppDeepLink: Sendable, Hashable {
  /// The URL pattern.
  public var pattern: String
  /// The screen opened, with the placeholders as parameters.
  public var screen: String

  /// Creates a deep link.
  public init(_ pattern: String, screen: String) {
    self.pattern = pattern
    self.screen = screen
  }

  /// The literal start of the pattern, which the app registers with the package manager so
  /// VIEW intents for it resolve to the app (a more specific prefix beats a browser's).
  public var prefix: String {
    String(pattern.prefix { $0 != "{" })
  }

  /// The parameters when `url` matches, else nil.
  public func match(_ url: String) -> [String: String]? {
    let patternSegments = Self.segments(pattern)
    let urlSegments = Self.segments(String(url.prefix { $0 != "?" && $0 != "#" }))
    guard patternSegments.count == urlSegments.count else { return nil }
    var parameters: [String: String] = [:]
    for (expected, actual) in zip(patternSegments, urlSegments) {
      guard let open = expected.firstIndex(of: "{"), let close = expected.firstIndex(of: "}"), open < close else {
        guard expected == actual else { return nil }
        continue
      }
      let head = expected[..<open]
      let tail = expected[expected.index(after: close)...]
      guard actual.count > head.count + tail.count, actual.hasPrefix(head), actual.hasSuffix(tail) else { return nil }
      let name = String(expected[expected.index(after: open)..<close])
      parameters[name] = String(actual.dropFirst(head.count).dropLast(tail.count))
    }
    return parameters
  }

  private static func segments(_ url: String) -> [Substring] {
    var segments = url.split(separator: "/", omittingEmptySubsequences: false)
    if segments.count > 1, segments.last?.isEmpty == true { segments.removeLast() }
    return segments
  }
}
