/// Builders for the usual Android widgets, with the classes, flags and actions a real app's
/// views report. They read the state through the context, so a field shows its text and focus,
/// a toggle its flag and a list its scroll position.
extension AppScreenContext {
  /// A layout container (LinearLayout by default) around other views.
  public func container(
    _ className: String = "android.widget.LinearLayout", id: String = "", frame: UIRect, children: [AppElement]
  ) -> AppElement {
    AppElement(className: className, id: id, frame: frame, children: children)
  }

  /// A label (TextView).
  public func text(
    _ text: String, id: String = "", description: String = "", frame: UIRect,
    className: String = "android.widget.TextView"
  ) -> AppElement {
    AppElement(className: className, id: id, text: text, contentDescription: description, frame: frame)
  }

  /// A push button (Button) that runs `action`; a disabled one ignores taps.
  public func button(
    _ title: String, id: String = "", description: String = "", frame: UIRect, enabled: Bool = true,
    action: AppAction?
  ) -> AppElement {
    AppElement(
      className: "android.widget.Button", id: id, text: title, contentDescription: description, frame: frame,
      clickable: true, onTap: action
    ).with {
      $0.focusable = true
      $0.enabled = enabled
    }
  }

  /// An icon button (ImageButton) known by its content description, `selected` when `selected`
  /// (a liked heart).
  public func imageButton(
    description: String, id: String = "", frame: UIRect, selected: Bool = false, action: AppAction?
  ) -> AppElement {
    AppElement(
      className: "android.widget.ImageButton", id: id, contentDescription: description, frame: frame,
      clickable: true, onTap: action
    ).with {
      $0.focusable = true
      $0.selected = selected
    }
  }

  /// A button that flips `flag` and shows `on` or `off` (Follow ↔ Following); `selected` while on.
  public func toggleButton(id: String, frame: UIRect, flag: String, on: String, off: String) -> AppElement {
    button(isOn(flag) ? on : off, id: id, frame: frame, action: .toggle(flag)).with { $0.selected = isOn(flag) }
  }

  /// A check box (CheckBox) labelled `label`, checked while `flag` is on.
  public func checkBox(_ label: String, id: String, frame: UIRect, flag: String) -> AppElement {
    AppElement(
      className: "android.widget.CheckBox", id: id, text: label, frame: frame, clickable: true,
      onTap: .toggle(flag)
    ).with {
      $0.checkable = true
      $0.checked = isOn(flag)
      $0.focusable = true
    }
  }

  /// A text field (EditText) editing `field`. A tap focuses it; typed text goes to the end;
  /// ENTER runs `onSubmit`. While empty it reports `hint` as its text, as Android does.
  public func editText(
    id: String, field: String, hint: String, frame: UIRect, onSubmit: AppAction? = nil
  ) -> AppElement {
    AppElement(
      className: "android.widget.EditText", id: id, text: text(of: field), hint: hint, frame: frame,
      clickable: true, onTap: .focus(field)
    ).with {
      $0.focusable = true
      $0.focused = isFocused(field)
      $0.longClickable = true
      $0.field = field
      $0.onSubmit = onSubmit
    }
  }

  /// A toolbar with a "Navigate up" button (BACK) and a title.
  public func toolbar(title: String, frame: UIRect, showsUp: Bool = true) -> AppElement {
    let up = UIRect(x: frame.left, y: frame.top, width: frame.height, height: frame.height)
    var children: [AppElement] = []
    if showsUp { children.append(imageButton(description: "Navigate up", frame: up, action: .back)) }
    let titleLeft = showsUp ? up.right : frame.left + layout.dp(16)
    children.append(
      text(title, frame: UIRect(left: titleLeft, top: frame.top, right: frame.right, bottom: frame.bottom)))
    return container("android.view.ViewGroup", id: "toolbar", frame: frame, children: children)
  }

  /// A vertical list (RecyclerView) of `count` rows of equal height, of which only the rows
  /// inside `frame` exist, clipped to it, as RecyclerView recycles the rest. A vertical swipe
  /// on it scrolls it; the last row bounds the scroll, so the list has an end.
  /// - Parameters:
  ///   - id: the list's id, also the key of its scroll offset.
  ///   - frame: the visible area.
  ///   - rowHeight: each row's height in pixels.
  ///   - count: how many rows there are.
  ///   - row: builds row `index` (0-based) in its frame.
  public func list(
    id: String, frame: UIRect, rowHeight: Int, count: Int, row: (_ index: Int, _ frame: UIRect) -> AppElement
  ) -> AppElement {
    let contentHeight = rowHeight * count
    let offset = min(max(0, scrollOffset(id)), max(0, contentHeight - frame.height))
    var rows: [AppElement] = []
    var index = rowHeight > 0 ? offset / rowHeight : count
    while index < count {
      let top = frame.top + index * rowHeight - offset
      guard top < frame.bottom else { break }
      let rowFrame = UIRect(left: frame.left, top: top, right: frame.right, bottom: top + rowHeight)
      if let visible = row(index, rowFrame).clipped(to: frame) { rows.append(visible) }
      index += 1
    }
    return scrollable(
      id: id, className: "androidx.recyclerview.widget.RecyclerView", frame: frame, contentHeight: contentHeight,
      children: rows)
  }

  /// A vertically scrolling area (ScrollView) whose `content` is laid out as if unscrolled
  /// (starting at `frame.top`); the engine shifts it by the scroll offset and clips it.
  public func scrollView(id: String, frame: UIRect, contentHeight: Int, content: [AppElement]) -> AppElement {
    let offset = min(max(0, scrollOffset(id)), max(0, contentHeight - frame.height))
    let children = content.compactMap { $0.shifted(by: -offset).clipped(to: frame) }
    return scrollable(
      id: id, className: "android.widget.ScrollView", frame: frame, contentHeight: contentHeight, children: children)
  }

  private func scrollable(
    id: String, className: String, frame: UIRect, contentHeight: Int, children: [AppElement]
  ) -> AppElement {
    AppElement(className: className, id: id, frame: frame, children: children).with {
      $0.scrollable = contentHeight > frame.height
      $0.focusable = true
      $0.scrollKey = id
      $0.contentHeight = contentHeight
    }
  }
}

extension AppElement {
  /// The element cut to `area`, children too, or nil when nothing of it is inside: what
  /// Android reports for a partly visible view (its visible bounds).
  public func clipped(to area: UIRect) -> AppElement? {
    let visible = frame.intersection(area)
    guard !visible.isEmpty else { return nil }
    var copy = self
    copy.frame = visible
    copy.children = children.compactMap { $0.clipped(to: visible) }
    return copy
  }

  /// The element moved down by `dy` pixels (up when negative), children too.
  public func shifted(by dy: Int) -> AppElement {
    var copy = self
    copy.frame = UIRect(left: frame.left, top: frame.top + dy, right: frame.right, bottom: frame.bottom + dy)
    copy.children = children.map { $0.shifted(by: dy) }
    return copy
  }
}
