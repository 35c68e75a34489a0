/// A chance in percent, 0–100, as TikMatrix's `*_probable` keys give it.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// if config.likeProbability.roll(using: &rng) { /* like this video */ }
/// ```
public struct Probability: Hashable, Sendable, Comparable {
  /// The chance in percent, 0–100.
  public var percent: Int

  /// A chance of `percent` percent, clamped to 0–100.
  public init(percent: Int) {
    self.percent = min(max(percent, 0), 100)
  }

  /// Never happens: the keys' default.
  public static let never = Probability(percent: 0)
  /// Always happens.
  public static let always = Probability(percent: 100)

  /// Draws: true with this probability.
  /// - Parameter rng: the random source (seed it for reproducible runs).
  public func roll(using rng: inout some RandomNumberGenerator) -> Bool {
    percent > 0 && Int.random(in: 0..<100, using: &rng) < percent
  }

  /// Whether `lhs` is the smaller chance.
  public static func < (lhs: Probability, rhs: Probability) -> Bool { lhs.percent < rhs.percent }
}
