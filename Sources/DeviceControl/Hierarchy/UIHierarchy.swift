/// One screen's accessibility tree, parsed from a hierarchy dump.
///
/// Reads both formats with one parser: `uiautomator dump`'s `<hierarchy><node …>` and Appium
/// page source, whose tags are class names (`<android.widget.Button …>`). The nodes are kept in
/// document order, so an element's ``UIElement/id`` is its position in ``nodes``.
///
/// ```swift
/// let screen = try UIHierarchy(parsing: xml)
/// if let like = screen.first(matching: .description(startingWith: "Like video")) {
///   print(like.bounds.center)
/// }
/// ```
///
/// A document without any node is an error, never an empty screen: a failed dump (uiautomator2
/// returns `<hierarchy rotation="0" />` when it gives up) means "unknown", not "absent".
public struct UIHierarchy: Sendable {
  /// Every node, in document order; ``UIElement/id`` indexes this array.
  public let nodes: [UIElement]
  /// The display rotation from `<hierarchy rotation="…">` (0–3), 0 when absent.
  public let rotation: Int
  /// The document as it was read.
  public let xml: String

  /// Parses a hierarchy dump.
  /// - Parameter xml: the document, in either format.
  /// - Throws: ``DeviceControlError`` with code ``DeviceControlError/Code/malformedHierarchy``,
  ///   saying what is wrong and at which byte, when the text is empty, truncated or malformed,
  ///   or holds no node. The error's ``DeviceControlError/lastHierarchyXML`` is `xml`.
  public init(parsing xml: String) throws(DeviceControlError) {
    var xml = xml
    let parsed = xml.withUTF8 { bytes in Result { () throws(DeviceControlError) in try Self.parse(bytes) } }
    switch parsed {
    case .success(let (nodes, rotation)): self.init(nodes: nodes, rotation: rotation, xml: xml)
    case .failure(var error):
      error.lastHierarchyXML = xml
      throw error
    }
  }

  /// Parses a hierarchy dump from its UTF-8 bytes (what `uiautomator dump /dev/tty` prints,
  /// without the "dumped to" line; see ``DumpOutput`` for the raw output).
  /// - Throws: ``DeviceControlError/Code/malformedHierarchy`` as ``init(parsing:)-(String)``
  ///   does, and when the bytes are not valid UTF-8.
  public init(parsing bytes: some Collection<UInt8>) throws(DeviceControlError) {
    let bytes = Array(bytes)
    guard let xml = String(validating: bytes, as: UTF8.self) else {
      let offset = Self.firstInvalidUTF8Offset(bytes)
      throw DeviceControlError(
        .malformedHierarchy, "malformed hierarchy XML at byte \(offset): not valid UTF-8",
        lastHierarchyXML: String(decoding: bytes, as: UTF8.self))
    }
    try self.init(parsing: xml)
  }

  /// Creates a hierarchy from nodes already linked by `id`, `parentID` and `childIDs` (tests and
  /// other hierarchy sources). `nodes` must be in document order and not empty.
  public init(nodes: [UIElement], rotation: Int = 0, xml: String = "") {
    precondition(!nodes.isEmpty, "a hierarchy has at least one node")
    self.nodes = nodes
    self.rotation = rotation
    self.xml = xml
  }

  private static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>
  ) throws(DeviceControlError) -> ([UIElement], Int) {
    var parser = HierarchyParser(bytes)
    try parser.parse()
    return (parser.nodes, parser.rotation ?? 0)
  }

  private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return offset
      }
    }
  }
}

// MARK: - Navigation

extension UIHierarchy {
  /// The first window's root: the first node of the document.
  public var root: UIElement { nodes[0] }

  /// Every window's root (one without `--windows`), in document order.
  public var roots: [UIElement] { nodes.filter { $0.parentID == nil } }

  /// The element whose ``UIElement/id`` is `id`, nil when out of range.
  public func element(_ id: Int) -> UIElement? {
    nodes.indices.contains(id) ? nodes[id] : nil
  }

  /// The element that directly encloses `element`, nil for a root.
  public func parent(of element: UIElement) -> UIElement? {
    element.parentID.map { nodes[$0] }
  }

  /// The direct children of `element`, in document order.
  public func children(of element: UIElement) -> [UIElement] {
    element.childIDs.map { nodes[$0] }
  }

  /// Every element inside `element`, at any depth, in document order.
  public func descendants(of element: UIElement) -> [UIElement] {
    Array(nodes[descendantIDs(of: element.id)])
  }

  /// The enclosing elements of `element`, nearest first, up to its root.
  public func ancestors(of element: UIElement) -> [UIElement] {
    var result: [UIElement] = []
    var next = element.parentID
    while let id = next {
      result.append(nodes[id])
      next = nodes[id].parentID
    }
    return result
  }

  /// The other children of `element`'s parent (or the other roots), in document order.
  public func siblings(of element: UIElement) -> [UIElement] {
    siblingIDs(of: element.id).map { nodes[$0] }
  }

  /// The ids of the descendants of the node `id`: a run of ids right after it, since the
  /// nodes are in document order (a subtree is contiguous in preorder).
  func descendantIDs(of id: Int) -> Range<Int> {
    let depth = nodes[id].depth
    var end = id + 1
    while end < nodes.count && nodes[end].depth > depth { end += 1 }
    return (id + 1)..<end
  }

  /// The ids of the node `id`'s siblings, without `id`.
  func siblingIDs(of id: Int) -> [Int] {
    if let parent = nodes[id].parentID { return nodes[parent].childIDs.filter { $0 != id } }
    return nodes.indices.filter { nodes[$0].parentID == nil && $0 != id }
  }
}

extension UIHierarchy: Equatable {
  /// Two hierarchies are equal when their nodes and rotation are: the same screen, however the
  /// XML was spaced (a settle check compares successive dumps this way).
  public static func == (lhs: UIHierarchy, rhs: UIHierarchy) -> Bool {
    lhs.rotation == rhs.rotation && lhs.nodes == rhs.nodes
  }
}
