/// One view in a screen's accessibility hierarchy: what `uiautomator dump` writes as a `<node>`.
///
/// App models describe their screens as trees of `UINode` values; ``UIHierarchyXML`` renders
/// them in uiautomator's exact format and ``ScreenRenderer`` paints them for `screencap`.
///
/// ```swift
/// let button = UINode(className: "android.widget.Button", text: "Follow",
///                     package: "com.zhiliaoapp.musically", clickable: true,
///                     bounds: UIRect(left: 40, top: 900, right: 520, bottom: 1010))
/// ```
public struct UINode: Sendable, Hashable {
  /// The view's class, for example `android.widget.TextView`.
  public var className: String
  /// The `text` attribute.
  public var text: String
  /// The `resource-id` attribute (`pkg:id/name`), or empty.
  public var resourceID: String
  /// The `content-desc` attribute (accessibility label), or empty.
  public var contentDescription: String
  /// The app package the view belongs to.
  public var package: String
  /// `checkable`.
  public var checkable: Bool
  /// `checked`.
  public var checked: Bool
  /// `clickable`.
  public var clickable: Bool
  /// `enabled`.
  public var enabled: Bool
  /// `focusable`.
  public var focusable: Bool
  /// `focused`.
  public var focused: Bool
  /// `scrollable`.
  public var scrollable: Bool
  /// `long-clickable`.
  public var longClickable: Bool
  /// `password`.
  public var password: Bool
  /// `selected`.
  public var selected: Bool
  /// Absolute screen bounds.
  public var bounds: UIRect
  /// Child views, in drawing order; a child's `index` attribute is its position here.
  public var children: [UINode]

  /// Creates a node; every flag but `enabled` defaults to false.
  public init(
    className: String, text: String = "", resourceID: String = "", contentDescription: String = "",
    package: String = "", checkable: Bool = false, checked: Bool = false, clickable: Bool = false,
    enabled: Bool = true, focusable: Bool = false, focused: Bool = false, scrollable: Bool = false,
    longClickable: Bool = false, password: Bool = false, selected: Bool = false, bounds: UIRect,
    children: [UINode] = []
  ) {
    self.className = className
    self.text = text
    self.resourceID = resourceID
    self.contentDescription = contentDescription
    self.package = package
    self.checkable = checkable
    self.checked = checked
    self.clickable = clickable
    self.enabled = enabled
    self.focusable = focusable
    self.focused = focused
    self.scrollable = scrollable
    self.longClickable = longClickable
    self.password = password
    self.selected = selected
    self.bounds = bounds
    self.children = children
  }

  /// This node and all its descendants, depth first (document order).
  public var allNodes: [UINode] {
    var result: [UINode] = []
    var stack = [self]
    while let node = stack.popLast() {
      result.append(node)
      stack.append(contentsOf: node.children.reversed())
    }
    return result
  }

  /// The deepest clickable node whose bounds contain a point, as a tap there would hit.
  public func clickableNode(atX x: Int, y: Int) -> UINode? {
    guard bounds.contains(x: x, y: y) else { return nil }
    for child in children.reversed() {
      if let hit = child.clickableNode(atX: x, y: y) { return hit }
    }
    return clickable ? self : nil
  }
}
