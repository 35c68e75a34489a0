extension UISelector: CustomStringConvertible {
  /// The selector as the Swift that builds it, for error messages and logs:
  /// `description(startingWith: "Like video").clickable()`.
  public var description: String {
    var text = Self.render(stages[0])
    for stage in stages.dropFirst() {
      switch stage.relation {
      case .all, .descendants: text += ".child(\(Self.render(stage)))"
      case .siblings: text += ".sibling(\(Self.render(stage)))"
      case .parent: text += ".parent()" + Self.parts(of: stage).map { "." + $0 }.joined()
      }
    }
    return text
  }

  /// A step as a chain that starts from `any` when it has no conditions.
  private static func render(_ stage: Stage) -> String {
    let parts = parts(of: stage)
    return (stage.conditions.isEmpty ? ["any"] + parts : parts).joined(separator: ".")
  }

  /// A step's conditions, then its anchor and instance, as builder calls.
  private static func parts(of stage: Stage) -> [String] {
    var parts = stage.conditions.map(\.description)
    if let nearest = stage.nearest { parts.append("nearest(to: \(nearest))") }
    if let instance = stage.instance { parts.append("instance(\(instance))") }
    return parts
  }
}

extension UISelector.Condition: CustomStringConvertible {
  /// The builder call that makes this condition: `text(containing: "Follow")`, `clickable()`.
  var description: String {
    switch self {
    case .flag(let flag, let value): "\(flag.rawValue)(\(value ? "" : "false"))"
    case .index(let index): "index(\(index))"
    case .field(let field, let pattern):
      switch pattern.kind {
      case .equals: "\(field.name)(\(pattern.value.debugDescription))"
      case .contains: "\(field.name)(containing: \(pattern.value.debugDescription))"
      case .startsWith: "\(field.name)(startingWith: \(pattern.value.debugDescription))"
      case .endsWith: "\(field.name)(endingWith: \(pattern.value.debugDescription))"
      case .matches: "\(field.name)(matching: \(pattern.value.debugDescription))"
      }
    }
  }
}
