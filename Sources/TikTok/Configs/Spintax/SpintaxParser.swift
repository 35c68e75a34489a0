/// Parses spintax into ``Spintax/Part``s with an explicit stack, so deep nesting cannot
/// overflow the call stack.
enum SpintaxParser {
  /// A group being read: its finished alternatives, the one being read, and where it opened.
  private struct Group {
    var alternatives: [[Spintax.Part]] = []
    var current: [Spintax.Part] = []
    var text = ""
    let openedAt: Int

    /// Moves pending literal text into the current alternative.
    mutating func flushText() {
      guard !text.isEmpty else { return }
      current.append(.text(text))
      text = ""
    }
  }

  /// The parts of `template`.
  /// - Throws: ``SpintaxError`` for an unclosed `{` or an unmatched `}`.
  static func parse(_ template: String) throws(SpintaxError) -> [Spintax.Part] {
    // The bottom frame is the template itself: it never closes, and `|` in it is literal.
    var stack = [Group(openedAt: 0)]
    for (offset, character) in template.enumerated() {
      let position = offset + 1
      switch character {
      case "{":
        stack[stack.count - 1].flushText()
        stack.append(Group(openedAt: position))
      case "|" where stack.count > 1:
        stack[stack.count - 1].flushText()
        stack[stack.count - 1].alternatives.append(stack[stack.count - 1].current)
        stack[stack.count - 1].current = []
      case "}":
        guard stack.count > 1 else {
          throw SpintaxError(
            position: position,
            message: "the \"}\" at character \(position) closes no \"{\"; spintax is written {a|b|c}")
        }
        var group = stack.removeLast()
        group.flushText()
        group.alternatives.append(group.current)
        stack[stack.count - 1].current.append(.choice(group.alternatives))
      default:
        stack[stack.count - 1].text.append(character)
      }
    }
    guard stack.count == 1 else {
      let position = stack[stack.count - 1].openedAt
      throw SpintaxError(
        position: position,
        message: "the \"{\" at character \(position) is never closed; spintax is written {a|b|c}")
    }
    stack[0].flushText()
    return stack[0].current
  }
}
