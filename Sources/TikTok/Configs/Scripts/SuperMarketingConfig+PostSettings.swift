import TaskEngine

extension SuperMarketingConfig {
  /// How `boostPosts` treats each post (`postSettings`).
  public struct PostSettings: Hashable, Sendable {
    /// The watch time when `view_durations` is absent, in seconds (a DroidMatrix choice).
    public static let defaultViewSeconds = 5...15
    /// The longest watch accepted, in seconds.
    public static let maximumViewSeconds = 3600

    /// Whether to like each post (`enable_like`, default true).
    public var enableLike = true
    /// Whether to add each post to favorites (`enable_favorite`, default false).
    public var enableFavorite = false
    /// How long to watch each post, in seconds (`view_durations` [min, max], default [5, 15]).
    public var viewSeconds = defaultViewSeconds

    /// Creates settings.
    public init(
      enableLike: Bool = true, enableFavorite: Bool = false, viewSeconds: ClosedRange<Int> = defaultViewSeconds
    ) {
      self.enableLike = enableLike
      self.enableFavorite = enableFavorite
      self.viewSeconds = viewSeconds
    }

    init(_ reader: ConfigReader) throws(ScriptConfigError) {
      enableLike = try reader.bool("enable_like") ?? true
      enableFavorite = try reader.bool("enable_favorite") ?? false
      viewSeconds = try Self.readViewSeconds(reader) ?? Self.defaultViewSeconds
    }

    /// `view_durations`: a list [min, max] of seconds (numbers or numeric strings), or one number.
    private static func readViewSeconds(_ reader: ConfigReader) throws(ScriptConfigError) -> ClosedRange<Int>? {
      let key = "view_durations"
      guard let value = reader.value(key) else { return nil }
      let range = 0...maximumViewSeconds
      guard case .array(let elements) = value else {
        guard let seconds = try reader.int(key, in: range) else { return nil }
        return seconds...seconds
      }
      guard elements.count == 2 else {
        throw reader.error(key, "expected a list of two numbers [min, max] in seconds, got \(elements.count) items")
      }
      let low = try ConfigReader.int(elements[0], field: "\(reader.field(key))[0]", in: range)
      let high = try ConfigReader.int(elements[1], field: "\(reader.field(key))[1]", in: range)
      guard low <= high else {
        throw reader.error(key, "the minimum (\(low) s) is above the maximum (\(high) s); write [min, max]")
      }
      return low...high
    }

    var json: JSONValue {
      [
        "enable_like": .bool(enableLike), "enable_favorite": .bool(enableFavorite),
        "view_durations": [.int(viewSeconds.lowerBound), .int(viewSeconds.upperBound)],
      ]
    }
  }
}

extension Array {
  /// The `number`th item a task uses (from 0): in turn for a sequential order, any for a random
  /// one; nil for an empty list.
  func item(number: Int, order: PickOrder, using rng: inout some RandomNumberGenerator) -> Element? {
    guard !isEmpty else { return nil }
    return self[order.index(count: count, jobCount: number, using: &rng)]
  }
}
