extension UIRect {
  /// The rectangle shrunk by `dx` on the left and right and `dy` on the top and bottom.
  public func insetBy(dx: Int, dy: Int) -> UIRect {
    UIRect(left: left + dx, top: top + dy, right: max(left + dx, right - dx), bottom: max(top + dy, bottom - dy))
  }

  /// The part of the rectangle inside `other`; empty (zero width or height) when they do not meet.
  public func intersection(_ other: UIRect) -> UIRect {
    let left = max(self.left, other.left)
    let top = max(self.top, other.top)
    return UIRect(
      left: left, top: top, right: max(left, min(right, other.right)), bottom: max(top, min(bottom, other.bottom)))
  }

  /// Whether the rectangle has no area.
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// Splits the rectangle into `count` equal columns, left to right.
  public func columns(_ count: Int, spacing: Int = 0) -> [UIRect] {
    guard count > 0 else { return [] }
    let cell = (width - spacing * (count - 1)) / count
    return (0..<count).map { index in
      let left = self.left + index * (cell + spacing)
      return UIRect(left: left, top: top, right: index == count - 1 ? right : left + cell, bottom: bottom)
    }
  }
}
