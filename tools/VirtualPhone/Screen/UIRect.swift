/// A rectangle in absolute screen pixels, as uiautomator's `bounds="[x1,y1][x2,y2]"`
/// (right and bottom exclusive).
public struct UIRect: Sendable, Hashable, CustomStringConvertible {
  /// The left edge (x1).
  public var left: Int
  /// The top edge (y1).
  public var top: Int
  /// The right edge (x2), exclusive.
  public var right: Int
  /// The bottom edge (y2), exclusive.
  public var bottom: Int

  /// Creates a rectangle from its edges.
  public init(left: Int, top: Int, right: Int, bottom: Int) {
    self.left = left
    self.top = top
    self.right = right
    self.bottom = bottom
  }

  /// Creates a rectangle from an origin and a size.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.init(left: x, top: y, right: x + width, bottom: y + height)
  }

  /// The empty rectangle at the origin, for nodes that are not on screen.
  public static let zero = UIRect(left: 0, top: 0, right: 0, bottom: 0)

  /// `right - left`.
  public var width: Int { right - left }
  /// `bottom - top`.
  public var height: Int { bottom - top }
  /// The centre point, where a tap on the node lands.
  public var center: (x: Int, y: Int) { ((left + right) / 2, (top + bottom) / 2) }

  /// Whether a point lies inside (right and bottom exclusive).
  public func contains(x: Int, y: Int) -> Bool {
    x >= left && x < right && y >= top && y < bottom
  }

  /// `[x1,y1][x2,y2]`, the uiautomator `bounds` attribute.
  public var description: String { "[\(left),\(top)][\(right),\(bottom)]" }
}
