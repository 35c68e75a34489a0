import DeviceControl

/// A caption template in spintax: `{a|b|c}` stands for one of `a`, `b`, `c`, and groups nest
/// (`{Hi|Hello {there|friend}}`). Text outside braces is kept as it is, `|` included.
///
/// Parsing checks the braces; resolving picks one alternative per group with the given random
/// source, so a seeded generator gives the same caption every time.
///
/// ```swift
/// let template = try Spintax("{Hi|Hello} {world|{dear|sweet} friend}!")
/// var rng = SeededGenerator(seed: 1)
/// let caption = template.resolve(using: &rng)  // e.g. "Hello dear friend!"
/// ```
public struct Spintax: Hashable, Sendable {
  /// One piece of a template.
  indirect enum Part: Hashable, Sendable {
    /// Literal text.
    case text(String)
    /// A group: one of its alternatives, each a sequence of parts.
    case choice([[Part]])
  }

  /// The template as written.
  public let template: String
  /// The parsed template.
  let parts: [Part]

  /// Parses `template`.
  /// - Parameter template: text with `{a|b}` groups.
  /// - Throws: ``SpintaxError`` for a `{` never closed or a `}` that closes nothing.
  public init(_ template: String) throws(SpintaxError) {
    self.template = template
    self.parts = try SpintaxParser.parse(template)
  }

  /// Whether the template has a group, so that resolving can give different texts.
  public var hasGroups: Bool {
    parts.contains { if case .choice = $0 { true } else { false } }
  }

  /// The number of texts the template can give (saturating at `Int.max`), counting each
  /// choice of alternatives once even when two give the same text.
  public var variantCount: Int { Self.count(parts) }

  /// Resolves every group, outermost first, picking each alternative with equal chance.
  /// - Parameter rng: the random source; seed it to get the same text again.
  /// - Returns: the text, with no braces left.
  public func resolve(using rng: inout some RandomNumberGenerator) -> String {
    var output = ""
    Self.append(parts, to: &output, using: &rng)
    return output
  }

  /// Resolves with a ``SeededGenerator`` seeded with `seed`: the same seed gives the same text.
  /// - Parameter seed: the generator's seed.
  /// - Returns: the text, with no braces left.
  public func resolve(seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    return resolve(using: &rng)
  }

  // MARK: - Walking the parts

  private static func append(_ parts: [Part], to output: inout String, using rng: inout some RandomNumberGenerator) {
    for part in parts {
      switch part {
      case .text(let text): output += text
      case .choice(let alternatives):
        let picked = alternatives[Int.random(in: 0..<alternatives.count, using: &rng)]
        append(picked, to: &output, using: &rng)
      }
    }
  }

  private static func count(_ parts: [Part]) -> Int {
    var total = 1
    for case .choice(let alternatives) in parts {
      var sum = 0
      for alternative in alternatives {
        let (added, overflow) = sum.addingReportingOverflow(count(alternative))
        sum = overflow ? .max : added
      }
      let (product, overflow) = total.multipliedReportingOverflow(by: sum)
      total = overflow ? .max : product
    }
    return total
  }
}

/// A spintax template whose braces do not match.
public struct SpintaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The 1-based position, in characters, of the brace at fault.
  public var position: Int
  /// What is wrong, in words a user can act on.
  public var message: String

  /// Creates an error.
  public init(position: Int, message: String) {
    self.position = position
    self.message = message
  }

  /// The message.
  public var description: String { message }
}
