/// Which elements of a screen to act on: attribute conditions, combined and related, as
/// Android's `UiSelector` and uiautomator2 describe them.
///
/// Build one by chaining; each call narrows the elements the selector stands for:
///
/// ```swift
/// let like = UISelector.description(startingWith: "Like video").clickable()
/// let follow = UISelector(.text("Follow"), .className("android.widget.Button"))
/// let followers = try UISelector.text(matching: "[0-9.,]+[KMB]?").nearest(to: .text("Followers"))
/// let composer = UISelector.className("android.widget.EditText").hint(containing: "comment")
/// ```
///
/// Relations move from the elements matched so far to others: ``child(_:)`` (descendants that
/// match), ``parent()``, ``sibling(_:)``. Conditions added after a relation apply to the elements
/// it reached. ``instance(_:)`` picks the n-th match in document order and ``nearest(to:)`` the
/// match closest to a label. Query a screen with ``UIHierarchy/elements(matching:)``,
/// ``UIHierarchy/first(matching:)`` and ``UIHierarchy/contains(_:)``.
///
/// String conditions compare exactly and case-sensitively, as Android does; `…(matching:)`
/// takes a regular expression that must match the whole value, as `UiSelector.textMatches` does.
public struct UISelector: Sendable, Hashable {
  /// The steps, applied in order; the first one starts from every element.
  var stages: [Stage]

  /// A selector that matches every element; narrow it by chaining.
  public init() {
    stages = [Stage(relation: .all)]
  }

  /// The elements that every one of `parts` matches: `UISelector(.text("Follow"), .clickable())`.
  ///
  /// Combining is ``and(_:)`` from left to right, so a part with relations continues from the
  /// elements the parts before it matched.
  public init(_ parts: UISelector...) {
    self = parts.reduce(UISelector()) { $0.and($1) }
  }

  /// A selector that matches every element.
  public static var any: UISelector { UISelector() }

  /// The elements this selector matches that `other` matches too.
  ///
  /// `other`'s first step is merged into this selector's last one (its conditions added, its
  /// ``instance(_:)`` or ``nearest(to:)`` taking over); any relations of `other` follow.
  public func and(_ other: UISelector) -> UISelector {
    var result = self
    var rest = other.stages[...]
    if let first = rest.popFirst() { result.stages[result.stages.count - 1].merge(first) }
    result.stages.append(contentsOf: rest)
    return result
  }

  /// This selector with `condition` added to its last step.
  func adding(_ condition: Condition) -> UISelector {
    var result = self
    result.stages[result.stages.count - 1].conditions.append(condition)
    return result
  }

  /// This selector followed by `next`, reached from the current matches by `relation`.
  func followed(by relation: Relation, _ next: UISelector) -> UISelector {
    var result = self
    var stages = next.stages
    stages[0].relation = relation
    result.stages.append(contentsOf: stages)
    return result
  }
}

// MARK: - Steps and conditions

extension UISelector {
  /// How a step finds its candidates from the previous step's matches.
  enum Relation: Sendable, Hashable {
    /// Every element (the first step).
    case all
    /// The descendants of the previous matches.
    case descendants
    /// The parents of the previous matches.
    case parent
    /// The other children of the previous matches' parents.
    case siblings
  }

  /// A string attribute a condition reads.
  enum Field: Sendable, Hashable {
    case text, contentDescription, resourceID, className, packageName, hint

    /// The builder name, for descriptions.
    var name: String {
      switch self {
      case .text: "text"
      case .contentDescription: "description"
      case .resourceID: "resourceID"
      case .className: "className"
      case .packageName: "packageName"
      case .hint: "hint"
      }
    }

    func value(of element: UIElement) -> String {
      switch self {
      case .text: element.text
      case .contentDescription: element.contentDescription
      case .resourceID: element.resourceID
      case .className: element.className
      case .packageName: element.packageName
      case .hint: element.hint
      }
    }
  }

  /// A boolean attribute a condition reads.
  enum Flag: String, Sendable, Hashable {
    case checkable, checked, clickable, enabled, focusable, focused, scrollable, longClickable, password, selected

    func value(of element: UIElement) -> Bool {
      switch self {
      case .checkable: element.checkable
      case .checked: element.checked
      case .clickable: element.clickable
      case .enabled: element.enabled
      case .focusable: element.focusable
      case .focused: element.focused
      case .scrollable: element.scrollable
      case .longClickable: element.longClickable
      case .password: element.password
      case .selected: element.selected
      }
    }
  }

  /// One test of one element.
  enum Condition: Sendable, Hashable {
    case field(Field, TextPattern)
    case flag(Flag, Bool)
    case index(Int)

    func matches(_ element: UIElement) -> Bool {
      switch self {
      case .flag(let flag, let value): flag.value(of: element) == value
      case .index(let index): element.index == index
      case .field(let field, let pattern): pattern.matches(field.value(of: element))
      }
    }
  }

  /// One step: candidates reached by `relation`, kept when every condition holds, then
  /// optionally ranked by distance to an anchor and reduced to one by position.
  struct Stage: Sendable, Hashable {
    var relation: Relation
    var conditions: [Condition] = []
    /// Keep only the n-th match (document order, or distance order with `nearest`).
    var instance: Int?
    /// Rank the matches by distance from the first element this selector matches.
    var nearest: UISelector?

    /// Whether this step can stop at its first match (nothing ranks or counts its matches).
    var isPlainFilter: Bool { instance == nil && nearest == nil }

    mutating func merge(_ other: Stage) {
      conditions.append(contentsOf: other.conditions)
      if let instance = other.instance { self.instance = instance }
      if let nearest = other.nearest { self.nearest = nearest }
    }
  }
}
