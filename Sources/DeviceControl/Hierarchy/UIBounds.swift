/// A rectangle in absolute screen pixels, as a hierarchy dump's `bounds="[x1,y1][x2,y2]"`.
///
/// Android writes `Rect.toShortString()`: `x1,y1` is the top-left corner and `x2,y2` lies just
/// outside the bottom-right one (exclusive), so `width` is `x2 - x1`.
///
/// ```swift
/// let bounds = UIBounds(parsing: "[888,1290][1056,1446]")!
/// bounds.center  // (x: 972, y: 1368)
/// ```
public struct UIBounds: Hashable, Sendable, CustomStringConvertible {
  /// The left edge (inclusive).
  public var x1: Int
  /// The top edge (inclusive).
  public var y1: Int
  /// The right edge (exclusive).
  public var x2: Int
  /// The bottom edge (exclusive).
  public var y2: Int

  /// Creates bounds from their edges; `x2` and `y2` are exclusive.
  public init(x1: Int, y1: Int, x2: Int, y2: Int) {
    self.x1 = x1
    self.y1 = y1
    self.x2 = x2
    self.y2 = y2
  }

  /// Parses Android's `[x1,y1][x2,y2]` (integers, optionally negative, no spaces).
  /// - Returns: nil when `text` is not in that form.
  public init?(parsing text: some StringProtocol) {
    guard let bounds = Array(text.utf8).withUnsafeBufferPointer({ UIBounds.parse($0[...]) }) else { return nil }
    self = bounds
  }

  /// All zeros: what an element without a `bounds` attribute gets.
  public static let zero = UIBounds(x1: 0, y1: 0, x2: 0, y2: 0)

  /// `x2 - x1`.
  public var width: Int { x2 - x1 }
  /// `y2 - y1`.
  public var height: Int { y2 - y1 }
  /// The middle point (rounded down), where a tap lands.
  public var center: (x: Int, y: Int) { (x1 + (x2 - x1) / 2, y1 + (y2 - y1) / 2) }
  /// Whether the rectangle covers no pixel (an off-screen or collapsed view).
  public var isEmpty: Bool { x2 <= x1 || y2 <= y1 }

  /// Whether the pixel at (`x`, `y`) lies inside; the right and bottom edges are outside.
  public func contains(x: Int, y: Int) -> Bool {
    x >= x1 && x < x2 && y >= y1 && y < y2
  }

  /// `[x1,y1][x2,y2]`, as Android writes it.
  public var description: String { "[\(x1),\(y1)][\(x2),\(y2)]" }

  /// Squared distance between the centres of `self` and `other` (for nearest-element ranking).
  func squaredCenterDistance(to other: UIBounds) -> Int {
    let (a, b) = (center, other.center)
    let dx = a.x - b.x
    let dy = a.y - b.y
    return dx &* dx &+ dy &* dy
  }

  // MARK: - Parsing

  /// The most digits a coordinate may have; screens are far below 10^9 pixels, and the bound
  /// keeps the arithmetic clear of overflow whatever the input.
  private static let maximumDigits = 9

  /// Parses `[x1,y1][x2,y2]` from UTF-8 bytes.
  static func parse(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UIBounds? {
    var position = bytes.startIndex
    func expect(_ byte: UInt8) -> Bool {
      guard position < bytes.endIndex, bytes[position] == byte else { return false }
      position += 1
      return true
    }
    func number() -> Int? {
      let negative = expect(UInt8(ascii: "-"))
      var value = 0
      var digits = 0
      while position < bytes.endIndex, bytes[position] &- UInt8(ascii: "0") < 10, digits < maximumDigits {
        value = value * 10 + Int(bytes[position] &- UInt8(ascii: "0"))
        position += 1
        digits += 1
      }
      guard digits > 0 else { return nil }
      return negative ? -value : value
    }
    guard expect(UInt8(ascii: "[")), let x1 = number(), expect(UInt8(ascii: ",")), let y1 = number(),
      expect(UInt8(ascii: "]")), expect(UInt8(ascii: "[")), let x2 = number(), expect(UInt8(ascii: ",")),
      let y2 = number(), expect(UInt8(ascii: "]")), position == bytes.endIndex
    else { return nil }
    return UIBounds(x1: x1, y1: y1, x2: x2, y2: y2)
  }
}
