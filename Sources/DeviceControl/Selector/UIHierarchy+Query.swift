// Running selectors over a parsed screen.

extension UIHierarchy {
  /// Every element `selector` matches, in document order (or the single chosen one when it ends
  /// with ``UISelector/instance(_:)`` or ``UISelector/nearest(to:)``).
  public func elements(matching selector: UISelector) -> [UIElement] {
    ids(matching: selector).map { nodes[$0] }
  }

  /// The first element `selector` matches, in document order; nil when there is none.
  public func first(matching selector: UISelector) -> UIElement? {
    ids(matching: selector, limit: 1).first.map { nodes[$0] }
  }

  /// Whether any element matches `selector`. A hierarchy is evidence of one moment: "no" means
  /// "not on this dump", so wait and re-dump before concluding an element is gone.
  public func contains(_ selector: UISelector) -> Bool {
    !ids(matching: selector, limit: 1).isEmpty
  }

  /// Where a tap on `element` should go: `element` itself when it is clickable, else its
  /// nearest clickable ancestor (labels are often plain text views inside a clickable row).
  /// - Returns: nil when neither the element nor any ancestor is clickable; tapping the
  ///   element's own centre is then the only choice.
  public func clickableAncestorOrSelf(of element: UIElement) -> UIElement? {
    var next: Int? = element.id
    while let id = next {
      if nodes[id].clickable { return nodes[id] }
      next = nodes[id].parentID
    }
    return nil
  }

  // MARK: - Evaluation

  /// The ids `selector` matches, at most `limit` of them.
  func ids(matching selector: UISelector, limit: Int = .max) -> [Int] {
    var current: [Int] = []
    for (number, stage) in selector.stages.enumerated() {
      let isLast = number == selector.stages.count - 1
      let stageLimit = isLast && stage.isPlainFilter ? limit : .max
      current = matches(of: stage, after: current, limit: stageLimit)
      if current.isEmpty { return [] }
    }
    return current.count > limit ? Array(current.prefix(limit)) : current
  }

  /// One step: its candidates, filtered, ranked and picked.
  private func matches(of stage: UISelector.Stage, after previous: [Int], limit: Int) -> [Int] {
    var found: [Int] = []
    func consider(_ id: Int) -> Bool {
      if stage.conditions.allSatisfy({ $0.matches(nodes[id]) }) { found.append(id) }
      return found.count < limit
    }
    switch stage.relation {
    case .all:
      for id in nodes.indices where !consider(id) { break }
    case .descendants:
      // Previous matches are in document order, and a subtree is a contiguous run of ids, so a
      // match inside an earlier match's subtree adds nothing new.
      var coveredEnd = 0
      outer: for id in previous where id >= coveredEnd {
        let subtree = descendantIDs(of: id)
        coveredEnd = subtree.upperBound
        for candidate in subtree where !consider(candidate) { break outer }
      }
    case .parent:
      for id in Set(previous.compactMap { nodes[$0].parentID }).sorted() where !consider(id) { break }
    case .siblings:
      for id in Set(previous.flatMap { siblingIDs(of: $0) }).sorted() where !consider(id) { break }
    }
    if let label = stage.nearest {
      guard let anchor = first(matching: label) else { return [] }
      let ranked = found.filter { $0 != anchor.id }.map { id in
        (id: id, distance: nodes[id].bounds.squaredCenterDistance(to: anchor.bounds))
      }.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }
      let number = stage.instance ?? 0
      return number < ranked.count ? [ranked[number].id] : []
    }
    if let number = stage.instance {
      return number < found.count ? [found[number]] : []
    }
    return found
  }
}
