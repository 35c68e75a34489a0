/// One view of a screen, as a hierarchy dump describes it, with its place in the tree.
///
/// Elements are values taken from one ``UIHierarchy``: `id`, `parentID` and `childIDs` are
/// positions in that hierarchy's ``UIHierarchy/nodes`` (document order) and mean nothing in another
/// dump. Use ``UIHierarchy/parent(of:)``, ``UIHierarchy/children(of:)`` and the like to walk.
public struct UIElement: Hashable, Sendable, Identifiable {
  // MARK: - Place in the tree

  /// The element's position in ``UIHierarchy/nodes`` (document order; the first root is 0).
  public var id: Int
  /// The enclosing element's ``id``, nil for a window's root.
  public var parentID: Int?
  /// The ``id``s of the direct children, in document order.
  public var childIDs: [Int]
  /// How many elements enclose this one: 0 for a window's root.
  public var depth: Int

  // MARK: - Attributes

  /// The `index` attribute: the view's position among its parent's children. Android counts
  /// invisible children that the dump leaves out, so this can differ from the position in
  /// ``UIHierarchy/children(of:)``; without the attribute it is that position.
  public var index: Int
  /// `text`: what the view shows, or what an `EditText` holds.
  public var text: String
  /// `resource-id` (`package:id/name`), or empty. TikTok obfuscates these per release.
  public var resourceID: String
  /// `class` (for example `android.widget.Button`); in Appium page source, the tag name when
  /// there is no `class` attribute.
  public var className: String
  /// `package`: the app the view belongs to.
  public var packageName: String
  /// `content-desc`: the accessibility label (TikTok's right rail: "Like video. 480.1K likes").
  public var contentDescription: String
  /// `hint` (uiautomator2 and Appium dumps; plain `uiautomator dump` leaves it out): an empty
  /// `EditText`'s placeholder.
  public var hint: String
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
  /// `selected` (the current bottom-navigation tab).
  public var selected: Bool
  /// `bounds`: where the view is on screen, in absolute pixels; ``UIBounds/zero`` when absent.
  public var bounds: UIBounds

  /// Creates an element; a parsed ``UIHierarchy`` makes these, tests may too.
  public init(
    id: Int, parentID: Int? = nil, childIDs: [Int] = [], depth: Int = 0, index: Int = 0, text: String = "",
    resourceID: String = "", className: String = "", packageName: String = "", contentDescription: String = "",
    hint: String = "", checkable: Bool = false, checked: Bool = false, clickable: Bool = false,
    enabled: Bool = false, focusable: Bool = false, focused: Bool = false, scrollable: Bool = false,
    longClickable: Bool = false, password: Bool = false, selected: Bool = false, bounds: UIBounds = .zero
  ) {
    self.id = id
    self.parentID = parentID
    self.childIDs = childIDs
    self.depth = depth
    self.index = index
    self.text = text
    self.resourceID = resourceID
    self.className = className
    self.packageName = packageName
    self.contentDescription = contentDescription
    self.hint = hint
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
  }
}

extension UIElement: CustomStringConvertible {
  /// A one-line summary for logs: class, the non-empty labels and the bounds.
  public var description: String {
    var parts = ["#\(id) \(className.split(separator: ".").last.map(String.init) ?? className)"]
    if !text.isEmpty { parts.append("text=\(text.debugDescription)") }
    if !contentDescription.isEmpty { parts.append("desc=\(contentDescription.debugDescription)") }
    if !resourceID.isEmpty { parts.append("id=\(resourceID.debugDescription)") }
    if clickable { parts.append("clickable") }
    parts.append(bounds.description)
    return parts.joined(separator: " ")
  }
}
