import DeviceControl

/// How a script takes one of several alternatives (`comment_order`, `message_order`,
/// `profile_order`).
public enum PickOrder: String, Hashable, Sendable, CaseIterable {
  /// Any alternative, at random (TikMatrix's default).
  case random
  /// The alternatives in turn: the task planned with job count `n` takes item `n mod count`,
  /// so consecutive tasks of a script walk through the list.
  case sequential

  /// The index of the alternative a task takes.
  /// - Parameters:
  ///   - count: the number of alternatives; at least 1.
  ///   - jobCount: the task's job count (``PlanContext/jobCount`` plus its position among the
  ///     executor's planned tasks).
  ///   - rng: the random source for ``random``.
  /// - Returns: an index in `0..<count`.
  public func index(count: Int, jobCount: Int, using rng: inout some RandomNumberGenerator) -> Int {
    precondition(count > 0, "picking from an empty list")
    switch self {
    case .random: return Int.random(in: 0..<count, using: &rng)
    case .sequential: return ((jobCount % count) + count) % count
    }
  }
}

extension Array {
  /// The one-element list of the alternative `order` takes for job count `jobCount`; an empty
  /// list stays empty.
  func narrowed(by order: PickOrder, jobCount: Int, using rng: inout some RandomNumberGenerator) -> [Element] {
    guard !isEmpty else { return [] }
    return [self[order.index(count: count, jobCount: jobCount, using: &rng)]]
  }

  /// The list turned so that item `jobCount mod count` comes first, when `order` is
  /// sequential: a task that uses several alternatives then takes them in turn from where the
  /// job count points. A random order leaves the list as it is.
  func rotated(by order: PickOrder, jobCount: Int) -> [Element] {
    guard order == .sequential, !isEmpty else { return self }
    var rng = SeededGenerator(seed: 0)  // unused by a sequential pick
    let start = order.index(count: count, jobCount: jobCount, using: &rng)
    return Array(self[start...] + self[..<start])
  }
}
