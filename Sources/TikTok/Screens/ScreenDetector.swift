public import DeviceControl

/// Names the TikTok screen a hierarchy shows by scoring evidence, as geelark-automation's and
/// taktik's detectors do: each rule that holds adds its weight to its screen, and the best score
/// wins if it reaches ``threshold``. Resource ids are never used: TikTok obfuscates them anew in
/// every release (UI-AUTOMATION.md §7); accessibility text and hints are stable.
///
/// ```swift
/// let detection = ScreenDetector.detect(try await ui.hierarchy())
/// if detection.screen == .dialog { … }
/// ```
public enum ScreenDetector {
  /// The least score that names a screen; below it the screen is ``TikTokScreen/unknown``.
  public static let threshold = 5

  /// What the detector concluded, and why.
  public struct Detection: Sendable, Hashable {
    /// The screen with the best score, or ``TikTokScreen/unknown``.
    public var screen: TikTokScreen
    /// Its score.
    public var score: Int
    /// The rules that held for it, for logs and error messages.
    public var evidence: [String]
  }

  /// One piece of evidence for a screen.
  struct Rule: Sendable {
    let screen: TikTokScreen
    let weight: Int
    let reason: String
    let holds: @Sendable (ScreenFacts) -> Bool
  }

  /// Names the screen `hierarchy` shows.
  public static func detect(_ hierarchy: UIHierarchy) -> Detection {
    let facts = ScreenFacts(hierarchy)
    var scores: [TikTokScreen: (score: Int, evidence: [String])] = [:]
    for rule in rules where rule.holds(facts) {
      scores[rule.screen, default: (0, [])].score += rule.weight
      scores[rule.screen, default: (0, [])].evidence.append(rule.reason)
    }
    // Ties go to the screen listed first in `TikTokScreen`, so the outcome never depends on
    // dictionary order.
    let order = TikTokScreen.allCases
    guard
      let best = scores.max(by: { left, right in
        left.value.score != right.value.score
          ? left.value.score < right.value.score
          : order.firstIndex(of: left.key)! > order.firstIndex(of: right.key)!
      }), best.value.score >= threshold
    else {
      return Detection(screen: .unknown, score: 0, evidence: [])
    }
    return Detection(screen: best.key, score: best.value.score, evidence: best.value.evidence)
  }
}
