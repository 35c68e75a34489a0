/// Renders a ``UINode`` tree in the exact format of `uiautomator dump`
/// (`AccessibilityNodeInfoDumper` writing through KXmlSerializer): one line, no trailing newline.
public enum UIHierarchyXML {
  /// The XML declaration KXmlSerializer writes for `startDocument("UTF-8", true)`.
  static let declaration = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>"

  /// Container classes that never get `NAF` (AccessibilityNodeInfoDumper.NAF_EXCLUDED_CLASSES).
  static let nafExcludedClasses: Set<String> = [
    "android.widget.GridView", "android.widget.GridLayout", "android.widget.ListView", "android.widget.TableLayout",
  ]

  /// Renders a hierarchy.
  /// - Parameters:
  ///   - root: the window's root view, or nil for an empty `<hierarchy rotation="0" />`.
  ///   - rotation: the display rotation (0–3).
  /// - Returns: the document, one line.
  public static func render(_ root: UINode?, rotation: Int = 0) -> String {
    var output = declaration
    guard let root else { return output + "<hierarchy rotation=\"\(rotation)\" />" }
    output += "<hierarchy rotation=\"\(rotation)\">"
    append(root, index: 0, to: &output)
    output += "</hierarchy>"
    return output
  }

  static func append(_ node: UINode, index: Int, to output: inout String) {
    output += "<node "
    // uiautomator marks clickable views with nothing to read out as "Not Accessibility Friendly".
    if node.clickable && !nafExcludedClasses.contains(node.className) && !node.hasReadableLabel {
      output += "NAF=\"true\" "
    }
    output += "index=\"\(index)\" text=\"\(escaped(node.text))\" resource-id=\"\(escaped(node.resourceID))\""
    output += " class=\"\(escaped(node.className))\" package=\"\(escaped(node.package))\""
    output += " content-desc=\"\(escaped(node.contentDescription))\" checkable=\"\(node.checkable)\""
    output += " checked=\"\(node.checked)\" clickable=\"\(node.clickable)\" enabled=\"\(node.enabled)\""
    output += " focusable=\"\(node.focusable)\" focused=\"\(node.focused)\" scrollable=\"\(node.scrollable)\""
    output += " long-clickable=\"\(node.longClickable)\" password=\"\(node.password)\""
    output += " selected=\"\(node.selected)\" bounds=\"\(node.bounds)\""
    guard !node.children.isEmpty else {
      output += " />"
      return
    }
    output += ">"
    for (childIndex, child) in node.children.enumerated() {
      append(child, index: childIndex, to: &output)
    }
    output += "</node>"
  }

  /// Escapes an attribute value as KXmlSerializer does inside double quotes: `& < > "`, and
  /// newline, return and tab as character references. Other control characters are not
  /// allowed in XML 1.0 at all, so they are dropped.
  public static func escaped(_ value: String) -> String {
    guard value.unicodeScalars.contains(where: { "&<>\"".unicodeScalars.contains($0) || $0.value < 0x20 }) else {
      return value
    }
    var result = ""
    result.reserveCapacity(value.utf8.count + 16)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\n", "\r", "\t": result += "&#\(scalar.value);"
      case _ where scalar.value < 0x20: continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension UINode {
  /// Whether this node or a descendant has text or a content description (uiautomator's `nafCheck`).
  var hasReadableLabel: Bool {
    !text.isEmpty || !contentDescription.isEmpty || children.contains { $0.hasReadableLabel }
  }
}
