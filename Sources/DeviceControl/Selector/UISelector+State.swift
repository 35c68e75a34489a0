// Conditions on an element's state flags and position.

extension UISelector {
  // MARK: - Flags

  /// Elements whose `clickable` flag is `value` (reacts to a tap).
  public static func clickable(_ value: Bool = true) -> UISelector { any.clickable(value) }

  /// Narrows to elements whose `clickable` flag is `value`.
  public func clickable(_ value: Bool = true) -> UISelector { adding(.flag(.clickable, value)) }

  /// Elements whose `long-clickable` flag is `value` (reacts to a long press).
  public static func longClickable(_ value: Bool = true) -> UISelector { any.longClickable(value) }

  /// Narrows to elements whose `long-clickable` flag is `value`.
  public func longClickable(_ value: Bool = true) -> UISelector { adding(.flag(.longClickable, value)) }

  /// Elements whose `checkable` flag is `value` (a switch, check box or radio button).
  public static func checkable(_ value: Bool = true) -> UISelector { any.checkable(value) }

  /// Narrows to elements whose `checkable` flag is `value`.
  public func checkable(_ value: Bool = true) -> UISelector { adding(.flag(.checkable, value)) }

  /// Elements whose `checked` flag is `value`.
  public static func checked(_ value: Bool = true) -> UISelector { any.checked(value) }

  /// Narrows to elements whose `checked` flag is `value`.
  public func checked(_ value: Bool = true) -> UISelector { adding(.flag(.checked, value)) }

  /// Elements whose `enabled` flag is `value`.
  public static func enabled(_ value: Bool = true) -> UISelector { any.enabled(value) }

  /// Narrows to elements whose `enabled` flag is `value`.
  public func enabled(_ value: Bool = true) -> UISelector { adding(.flag(.enabled, value)) }

  /// Elements whose `focusable` flag is `value`.
  public static func focusable(_ value: Bool = true) -> UISelector { any.focusable(value) }

  /// Narrows to elements whose `focusable` flag is `value`.
  public func focusable(_ value: Bool = true) -> UISelector { adding(.flag(.focusable, value)) }

  /// Elements whose `focused` flag is `value` (has input focus (the field being typed into)).
  public static func focused(_ value: Bool = true) -> UISelector { any.focused(value) }

  /// Narrows to elements whose `focused` flag is `value`.
  public func focused(_ value: Bool = true) -> UISelector { adding(.flag(.focused, value)) }

  /// Elements whose `scrollable` flag is `value` (a list or pager).
  public static func scrollable(_ value: Bool = true) -> UISelector { any.scrollable(value) }

  /// Narrows to elements whose `scrollable` flag is `value`.
  public func scrollable(_ value: Bool = true) -> UISelector { adding(.flag(.scrollable, value)) }

  /// Elements whose `selected` flag is `value` (the current tab of a bottom navigation).
  public static func selected(_ value: Bool = true) -> UISelector { any.selected(value) }

  /// Narrows to elements whose `selected` flag is `value`.
  public func selected(_ value: Bool = true) -> UISelector { adding(.flag(.selected, value)) }

  /// Elements whose `password` flag is `value` (a password field).
  public static func password(_ value: Bool = true) -> UISelector { any.password(value) }

  /// Narrows to elements whose `password` flag is `value`.
  public func password(_ value: Bool = true) -> UISelector { adding(.flag(.password, value)) }

  // MARK: - Position

  /// Elements whose `index` (position among their parent's children, as Android counts it) is
  /// `index`.
  public static func index(_ index: Int) -> UISelector { any.index(index) }

  /// Narrows to elements whose `index` (position among their parent's children) is `index`.
  public func index(_ index: Int) -> UISelector { adding(.index(index)) }

  /// The `number`-th element (from 0, in document order) that matches; with ``nearest(to:)``,
  /// the `number`-th nearest.
  public static func instance(_ number: Int) -> UISelector { any.instance(number) }

  /// Keeps only the `number`-th match (from 0, in document order) of this step; with
  /// ``nearest(to:)``, the `number`-th nearest. A later call replaces the number.
  public func instance(_ number: Int) -> UISelector {
    precondition(number >= 0, "an instance number counts from 0")
    var result = self
    result.stages[result.stages.count - 1].instance = number
    return result
  }
}
