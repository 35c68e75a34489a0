// MARK: - Input events

extension AppTransition {
  /// Handles an input event delivered to the app's window.
  /// - Returns: false only for a BACK the app does not consume (on its first screen).
  mutating func handle(_ event: InputEvent) -> Bool {
    switch event {
    case .tap(let x, let y):
      tap(x: x, y: y)
    case .swipe(let x1, let y1, let x2, let y2, let duration):
      swipe(from: (x1, y1), to: (x2, y2), durationMs: duration)
    case .text(let text):
      type(text)
    case .keyEvent(let code, _):
      return key(code)
    case .clearText:
      if let field = focusedFieldOnScreen { app.fields[field] = "" }
    case .editorAction:
      submit()
    }
    return true
  }

  private mutating func tap(x: Int, y: Int) {
    guard let target = window.root.path(atX: x, y: y).last(where: \.clickable), target.enabled else { return }
    if let action = target.onTap { perform(action) }
  }

  private mutating func longPress(x: Int, y: Int) {
    let path = window.root.path(atX: x, y: y)
    guard let target = path.last(where: { $0.longClickable || $0.onLongPress != nil }), target.enabled,
      let action = target.onLongPress
    else { return }
    perform(action)
  }

  private mutating func swipe(from start: (x: Int, y: Int), to end: (x: Int, y: Int), durationMs: Int) {
    let dx = end.x - start.x
    let dy = end.y - start.y
    let slop = layout.dp(AppEngine.touchSlopDP)
    guard dx * dx + dy * dy > slop * slop else {
      if durationMs >= AppEngine.longPressTimeout {
        longPress(x: start.x, y: start.y)
      } else {
        tap(x: start.x, y: start.y)
      }
      return
    }
    let vertical = abs(dy) >= abs(dx)
    let direction: AppSwipeDirection = vertical ? (dy < 0 ? .up : .down) : (dx < 0 ? .left : .right)
    let fling = durationMs < AppEngine.flingDuration ? AppEngine.flingMultiplier : 1
    // The innermost view under the finger's start that can take the gesture gets it.
    for element in window.root.path(atX: start.x, y: start.y).reversed() where element.enabled {
      if vertical, let key = element.scrollKey, element.contentHeight > element.frame.height {
        scroll(key, by: -dy * fling, contentHeight: element.contentHeight, viewport: element.frame.height)
        return
      }
      if let action = element.onSwipe[direction] {
        perform(action)
        return
      }
    }
  }

  // MARK: - Keys and text

  /// The focused field, if a view of the current window edits it (a pop-up has no fields).
  private var focusedFieldOnScreen: String? {
    guard let field = app.focusedField, app.popup == nil,
      window.allElements.contains(where: { $0.field == field })
    else { return nil }
    return field
  }

  private mutating func type(_ text: String) {
    guard let field = focusedFieldOnScreen else { return }
    app.fields[field, default: ""] += text
  }

  private mutating func submit() {
    guard let field = focusedFieldOnScreen,
      let action = window.allElements.first(where: { $0.field == field })?.onSubmit
    else { return }
    perform(action)
  }

  private mutating func key(_ code: Int) -> Bool {
    switch code {
    case KeyCode.back:
      return goBack()
    case KeyCode.enter:
      submit()
    case KeyCode.delete:
      if let field = focusedFieldOnScreen, app.fields[field]?.isEmpty == false { app.fields[field]!.removeLast() }
    default:
      if let character = Self.typedCharacters[code] { type(String(character)) }
    }
    return true
  }

  /// Key codes that type a character into a focused field (KeyEvent.java, Virtual.kcm base layer).
  static let typedCharacters: [Int: Character] = {
    var map: [Int: Character] = [62: " ", 55: ",", 56: ".", 69: "-", 70: "=", 76: "/", 77: "@", 17: "*", 18: "#"]
    for (offset, digit) in "0123456789".enumerated() { map[7 + offset] = digit }
    for (offset, letter) in "abcdefghijklmnopqrstuvwxyz".enumerated() { map[29 + offset] = letter }
    return map
  }()
}
