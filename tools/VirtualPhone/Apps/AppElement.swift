/// One view of an app model's screen: what becomes a `<node>` in `uiautomator dump`, plus what
/// the view does when touched.
///
/// Frames are absolute screen pixels, as uiautomator reports them. Screens usually build
/// elements with the widget helpers of ``AppScreenContext`` (`button`, `editText`, `list`, …),
/// which set the class, the flags and the action together.
///
/// ```swift
/// AppElement(
///   className: "android.widget.Button", id: "follow_button", text: "Follow", frame: frame,
///   clickable: true, onTap: .toggle("following"))
/// ```
public struct AppElement: Sendable {
  /// The view's class, for example `android.widget.Button`.
  public var className: String
  /// The resource id: a bare name (`send_button`) becomes `PACKAGE:id/send_button`; a full id
  /// (`android:id/message`) is kept as is. Empty for none.
  public var id: String
  /// The `text` attribute.
  public var text: String
  /// Shown as the text while the text is empty, as Android's TextView reports it to
  /// accessibility (an empty EditText dumps `text="Write a message…"`).
  public var hint: String
  /// The `content-desc` attribute.
  public var contentDescription: String
  /// `checkable`.
  public var checkable = false
  /// `checked`.
  public var checked = false
  /// `clickable`: taps stop here (the deepest clickable element under the finger gets them).
  public var clickable = false
  /// `enabled`: a disabled element still takes taps but does nothing.
  public var enabled = true
  /// `focusable`.
  public var focusable = false
  /// `focused`.
  public var focused = false
  /// `scrollable`.
  public var scrollable = false
  /// `long-clickable`.
  public var longClickable = false
  /// `password`.
  public var password = false
  /// `selected` (a liked heart, the current tab).
  public var selected = false
  /// Absolute screen bounds.
  public var frame: UIRect
  /// Child views, in drawing order (later ones are on top).
  public var children: [AppElement]
  /// What a tap does.
  public var onTap: AppAction?
  /// What a long press does (`input swipe X Y X Y 800`).
  public var onLongPress: AppAction?
  /// What a swipe starting on the element does, by direction (a feed's next video).
  public var onSwipe: [AppSwipeDirection: AppAction] = [:]
  /// The text field (a key of ``AppState/fields``) an EditText edits.
  public var field: String?
  /// What ENTER (or an IME's editor action) does while this field has focus.
  public var onSubmit: AppAction?
  /// A vertically scrolling list: the key of its offset in ``AppRoute/scrollOffsets``.
  public var scrollKey: String?
  /// A scrolling list's full content height, which bounds its offset (the list has an end).
  public var contentHeight = 0

  /// Creates an element; flags default to a plain, enabled, non-interactive view.
  public init(
    className: String, id: String = "", text: String = "", hint: String = "", contentDescription: String = "",
    frame: UIRect, clickable: Bool = false, children: [AppElement] = [], onTap: AppAction? = nil
  ) {
    self.className = className
    self.id = id
    self.text = text
    self.hint = hint
    self.contentDescription = contentDescription
    self.frame = frame
    self.clickable = clickable
    self.children = children
    self.onTap = onTap
  }

  /// Returns a copy changed by `body`, for setting flags inline.
  public func with(_ body: (inout AppElement) -> Void) -> AppElement {
    var copy = self
    body(&copy)
    return copy
  }
}

/// The direction a swipe moves the finger.
public enum AppSwipeDirection: String, Sendable, Hashable, CaseIterable {
  /// Finger moves up (the content scrolls on, a feed shows the next video).
  case up
  /// Finger moves down.
  case down
  /// Finger moves left.
  case left
  /// Finger moves right.
  case right
}
