/// A one-pass, byte-level reader of hierarchy dumps: no Foundation, no recursion, no I/O.
///
/// It reads both formats by walking elements and reading attributes, whatever the tag:
/// - `uiautomator dump`: `<hierarchy rotation="0"><node index=… class=…>…</node></hierarchy>`;
/// - Appium page source: the tag is the class name (`<android.widget.Button …>`), with extra
///   attributes and indentation.
///
/// The wrappers `hierarchy`, `displays`, `display` and `window` (`uiautomator dump --windows`)
/// are walked through; every other element is a node. What it accepts is the XML subset dumps
/// use: a declaration, comments, processing instructions, start, end and empty-element tags with
/// quoted attributes and the five named entities plus character references. Text between tags
/// must be whitespace: a stray line (a warning interleaved with `/dev/tty` output) is an error,
/// never silently dropped.
struct HierarchyParser {
  /// The whole document, UTF-8.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte to read.
  var position = 0
  /// The nodes read so far, in document order.
  private(set) var nodes: [UIElement] = []
  /// The first `rotation` attribute of a wrapper element, 0 without one.
  private(set) var rotation: Int?
  /// Elements started and not yet ended, innermost last.
  private var openElements: [OpenElement] = []
  /// The ids of the open node elements, innermost last.
  private var openNodes: [Int] = []
  /// How many window roots (top-level nodes) were read, for a root's default `index`.
  private var rootCount = 0
  /// Reused buffer for attribute values that contain entity references.
  var scratch: [UInt8] = []

  /// An element whose end tag is still to come.
  private struct OpenElement {
    /// Where its `<` is, for error messages.
    var offset: Int
    /// Its name, as a range of ``HierarchyParser/bytes``.
    var name: Range<Int>
    /// Whether it is a node (not a wrapper).
    var isNode: Bool
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  // MARK: - Document

  /// Reads the whole document.
  /// - Throws: ``DeviceControlError/Code/malformedHierarchy`` with what went wrong and at which
  ///   byte offset, for empty, truncated or malformed input and for a document without nodes.
  mutating func parse() throws(DeviceControlError) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }  // A UTF-8 byte order mark.
    skipWhitespace()
    guard position < bytes.count else { throw Self.malformed("the input is empty") }
    var rootSeen = false
    while true {
      skipWhitespace()
      guard position < bytes.count else { break }
      guard bytes[position] == ASCII.lessThan else { throw unexpectedText() }
      guard position + 1 < bytes.count else { throw truncated("after '<'") }
      switch bytes[position + 1] {
      case ASCII.question: try skip(past: "?>", what: "processing instruction")
      case ASCII.exclamation: try skipDeclaration(inProlog: !rootSeen)
      case ASCII.slash: try readEndTag()
      default:
        if rootSeen && openElements.isEmpty {
          throw Self.malformed("a second root element after the document ended", at: position)
        }
        rootSeen = true
        try readStartTag()
      }
    }
    if let element = openElements.last {
      throw truncated("inside <\(text(element.name))> opened at byte \(element.offset)")
    }
    guard rootSeen else { throw Self.malformed("no root element (only a declaration or comments)") }
    guard !nodes.isEmpty else {
      throw Self.malformed("no nodes: the hierarchy is empty (an empty screen means unknown, not absent)")
    }
  }

  /// Skips `<!-- … -->`, or a `<!DOCTYPE …>` without an internal subset before the root.
  private mutating func skipDeclaration(inProlog: Bool) throws(DeviceControlError) {
    if hasPrefix("<!--") {
      try skip(past: "-->", what: "comment")
    } else if inProlog && hasPrefix("<!DOCTYPE") {
      let start = position
      while position < bytes.count && bytes[position] != ASCII.greaterThan {
        if bytes[position] == ASCII.leftBracket {
          throw Self.malformed("a DOCTYPE with an internal subset is not supported", at: position)
        }
        position += 1
      }
      guard position < bytes.count else { throw truncated("inside the DOCTYPE at byte \(start)") }
      position += 1
    } else {
      throw Self.malformed("unsupported markup \(excerpt(at: position))", at: position)
    }
  }

  /// Skips from `<` past `terminator`.
  private mutating func skip(past terminator: StaticString, what: String) throws(DeviceControlError) {
    let start = position
    position += 2
    let length = terminator.utf8CodeUnitCount
    while position + length <= bytes.count {
      if hasPrefix(terminator) {
        position += length
        return
      }
      position += 1
    }
    throw truncated("inside the \(what) at byte \(start)")
  }

  // MARK: - Tags

  /// Reads `<name attribute="value" …>` or `<name … />` and records the node it starts.
  private mutating func readStartTag() throws(DeviceControlError) {
    let tagStart = position
    position += 1
    let name = try readName("a tag name")
    let isNode = !isWrapper(name)
    var element = UIElement(id: nodes.count, parentID: openNodes.last, depth: openNodes.count)
    var found = FoundAttributes()
    while true {
      let spaced = skipWhitespace()
      guard position < bytes.count else { throw truncated("inside the tag <\(text(name))> at byte \(tagStart)") }
      switch bytes[position] {
      case ASCII.slash:
        guard position + 1 < bytes.count else { throw truncated("after '/' in <\(text(name))>") }
        guard bytes[position + 1] == ASCII.greaterThan else {
          throw Self.malformed("expected '>' after '/' in <\(text(name))>", at: position + 1)
        }
        position += 2
        finish(&element, isNode: isNode, name: name, found: found, openAt: nil)
        return
      case ASCII.greaterThan:
        position += 1
        finish(&element, isNode: isNode, name: name, found: found, openAt: tagStart)
        return
      default:
        guard spaced else {
          throw Self.malformed(
            "expected whitespace, '>' or '/>' in <\(text(name))>, found \(excerpt(at: position))",
            at: position)
        }
        let attribute = try readName("an attribute name")
        let value = try readAttributeValue(of: attribute)
        if isNode {
          try assign(attribute, value, to: &element, found: &found)
        } else {
          try readWrapperAttribute(attribute, value)
        }
      }
    }
  }

  /// Adds a finished start tag's node to the tree, and opens the element unless it was empty.
  private mutating func finish(
    _ element: inout UIElement, isNode: Bool, name: Range<Int>, found: FoundAttributes, openAt offset: Int?
  ) {
    if isNode {
      // Appium page source names the element after its class; uiautomator's tag is `node`.
      if !found.className && !nameEquals(name, "node") { element.className = text(name) }
      if let parent = element.parentID {
        if !found.index { element.index = nodes[parent].childIDs.count }
        nodes[parent].childIDs.append(element.id)
      } else {
        if !found.index { element.index = rootCount }
        rootCount += 1
      }
      nodes.append(element)
    }
    guard let offset else { return }
    openElements.append(OpenElement(offset: offset, name: name, isNode: isNode))
    if isNode { openNodes.append(element.id) }
  }

  /// Reads `</name>` and closes the innermost open element, which must have that name.
  private mutating func readEndTag() throws(DeviceControlError) {
    let tagStart = position
    position += 2
    let name = try readName("a tag name after '</'")
    skipWhitespace()
    guard position < bytes.count else { throw truncated("inside the end tag at byte \(tagStart)") }
    guard bytes[position] == ASCII.greaterThan else {
      throw Self.malformed("expected '>' to end </\(text(name))>, found \(excerpt(at: position))", at: position)
    }
    position += 1
    guard let open = openElements.last else {
      throw Self.malformed("</\(text(name))> closes nothing", at: tagStart)
    }
    guard bytes[open.name].elementsEqual(bytes[name]) else {
      throw Self.malformed(
        "mismatched tags: </\(text(name))> closes <\(text(open.name))> opened at byte \(open.offset)", at: tagStart)
    }
    openElements.removeLast()
    if open.isNode { openNodes.removeLast() }
  }

  /// Whether `name` is one of the elements that wrap nodes without being one.
  private func isWrapper(_ name: Range<Int>) -> Bool {
    nameEquals(name, "hierarchy") || nameEquals(name, "window") || nameEquals(name, "display")
      || nameEquals(name, "displays")
  }

  /// Reads a wrapper's attribute: `rotation` on `<hierarchy>`; other values are only checked.
  private mutating func readWrapperAttribute(_ name: Range<Int>, _ value: AttributeValue) throws(DeviceControlError) {
    if rotation == nil && nameEquals(name, "rotation") {
      rotation = try integer(value, of: name)
    } else if value.hasReferences {
      _ = try decodedBytes(value)
    }
  }
}

// MARK: - Diagnostics

extension HierarchyParser {
  /// A malformed-hierarchy error saying `what`, and where when `offset` is given.
  static func malformed(_ what: String, at offset: Int? = nil) -> DeviceControlError {
    let place = offset.map { " at byte \($0)" } ?? ""
    return DeviceControlError(.malformedHierarchy, "malformed hierarchy XML\(place): \(what)")
  }

  /// The error for input that stops too early.
  func truncated(_ context: String) -> DeviceControlError {
    Self.malformed("the input ends \(context) (truncated?)", at: bytes.count)
  }

  /// The error for non-whitespace text between tags.
  func unexpectedText() -> DeviceControlError {
    let place = openElements.last.map { "inside <\(text($0.name))>" } ?? "outside the root element"
    return Self.malformed("unexpected text \(excerpt(at: position)) \(place)", at: position)
  }

  /// Up to 24 bytes from `offset`, quoted, for error messages.
  func excerpt(at offset: Int) -> String {
    let end = min(bytes.count, offset + 24)
    let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    return shown.debugDescription + (end < bytes.count ? "…" : "")
  }

  /// The bytes in `range` as a string.
  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
