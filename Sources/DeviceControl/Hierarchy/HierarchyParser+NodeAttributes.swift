// The attributes of a node that become ``UIElement`` properties; the rest are only checked.

extension HierarchyParser {
  /// The node attributes the parser keeps, by their names in the dump.
  enum NodeAttribute {
    case index, text, resourceID, className, packageName, contentDescription, hint
    case checkable, checked, clickable, enabled, focusable, focused, scrollable, longClickable, password, selected
    case bounds
    /// Anything else (`NAF`, Appium's `displayed`, `drawing-order`, …): checked, not kept.
    case other
  }

  /// Which attribute `name` is. Dispatches on the length first: each node has 17 to 30
  /// attributes, so this runs tens of thousands of times per dump.
  func nodeAttribute(_ name: Range<Int>) -> NodeAttribute {
    switch name.count {
    case 4:
      if nameEquals(name, "text") { return .text }
      if nameEquals(name, "hint") { return .hint }
    case 5:
      if nameEquals(name, "index") { return .index }
      if nameEquals(name, "class") { return .className }
    case 6:
      if nameEquals(name, "bounds") { return .bounds }
    case 7:
      if nameEquals(name, "package") { return .packageName }
      if nameEquals(name, "checked") { return .checked }
      if nameEquals(name, "enabled") { return .enabled }
      if nameEquals(name, "focused") { return .focused }
    case 8:
      if nameEquals(name, "password") { return .password }
      if nameEquals(name, "selected") { return .selected }
    case 9:
      if nameEquals(name, "checkable") { return .checkable }
      if nameEquals(name, "clickable") { return .clickable }
      if nameEquals(name, "focusable") { return .focusable }
    case 10:
      if nameEquals(name, "scrollable") { return .scrollable }
    case 11:
      if nameEquals(name, "resource-id") { return .resourceID }
    case 12:
      if nameEquals(name, "content-desc") { return .contentDescription }
    case 14:
      if nameEquals(name, "long-clickable") { return .longClickable }
    default:
      break
    }
    return .other
  }

  /// Stores the attribute `name` of a node in `element`.
  mutating func assign(
    _ name: Range<Int>, _ value: AttributeValue, to element: inout UIElement, found: inout FoundAttributes
  ) throws(DeviceControlError) {
    switch nodeAttribute(name) {
    case .index:
      element.index = try integer(value, of: name)
      found.index = true
    case .text: element.text = try string(value)
    case .resourceID: element.resourceID = try string(value)
    case .className:
      element.className = try string(value)
      found.className = true
    case .packageName: element.packageName = try string(value)
    case .contentDescription: element.contentDescription = try string(value)
    case .hint: element.hint = try string(value)
    case .checkable: element.checkable = try boolean(value)
    case .checked: element.checked = try boolean(value)
    case .clickable: element.clickable = try boolean(value)
    case .enabled: element.enabled = try boolean(value)
    case .focusable: element.focusable = try boolean(value)
    case .focused: element.focused = try boolean(value)
    case .scrollable: element.scrollable = try boolean(value)
    case .longClickable: element.longClickable = try boolean(value)
    case .password: element.password = try boolean(value)
    case .selected: element.selected = try boolean(value)
    case .bounds: element.bounds = try bounds(value)
    case .other:
      // Not kept, but a broken reference is still a broken document.
      if value.hasReferences { _ = try decodedBytes(value) }
    }
  }
}
