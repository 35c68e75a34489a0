import DeviceControl

/// What the detector looks at, gathered once per hierarchy: labels (text, content-desc and
/// hint), the selected tabs, and the text fields' hints.
struct ScreenFacts {
  /// Every non-empty text, content-desc and hint, without invisible direction marks.
  let labels: Set<String>
  /// Labels of selected elements (the current bottom-navigation tab).
  let selectedLabels: Set<String>
  /// Hints and texts of text fields.
  let fieldLabels: [String]
  /// Buttons' labels.
  let buttonLabels: Set<String>
  /// Resource ids.
  let resourceIDs: Set<String>
  /// How many elements the screen has.
  let elementCount: Int

  init(_ hierarchy: UIHierarchy) {
    var labels = Set<String>()
    var selected = Set<String>()
    var fields: [String] = []
    var buttons = Set<String>()
    var ids = Set<String>()
    for element in hierarchy.nodes {
      let own = [element.text, element.contentDescription, element.hint].map(Self.clean).filter { !$0.isEmpty }
      labels.formUnion(own)
      if element.selected { selected.formUnion(own) }
      if element.className.hasSuffix("EditText") { fields += own }
      if element.className.hasSuffix("Button") || element.clickable { buttons.formUnion(own) }
      if !element.resourceID.isEmpty { ids.insert(element.resourceID) }
    }
    self.labels = labels
    selectedLabels = selected
    fieldLabels = fields
    buttonLabels = buttons
    resourceIDs = ids
    elementCount = hierarchy.nodes.count
  }

  /// Whether some label equals `label`.
  func has(_ label: String) -> Bool { labels.contains(label) }

  /// Whether some label starts with `prefix`.
  func hasPrefix(_ prefix: String) -> Bool { labels.contains { $0.hasPrefix(prefix) } }

  /// Whether some label ends with `suffix`.
  func hasSuffix(_ suffix: String) -> Bool { labels.contains { $0.hasSuffix(suffix) } }

  /// How many of `candidates` are labels.
  func count(_ candidates: [String]) -> Int { candidates.filter(labels.contains).count }

  /// Whether a text field's hint or text starts with one of `prefixes`.
  func hasField(startingWith prefixes: [String]) -> Bool {
    fieldLabels.contains { label in prefixes.contains { label.hasPrefix($0) } }
  }

  /// `text` without the direction marks TikTok puts around numbers ("‎3 comments").
  static func clean(_ text: String) -> String {
    let marks: Set<Unicode.Scalar> = ["\u{200E}", "\u{200F}", "\u{2068}", "\u{2069}"]
    let visible = String(String.UnicodeScalarView(text.unicodeScalars.filter { !marks.contains($0) }))
    return String(visible.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
