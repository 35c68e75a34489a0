// Conditions on what an element says: `text`, `content-desc` and `hint`.
//
// Literals compare UTF-8 exactly and case-sensitively; `matching:` needs a whole-value match.

extension UISelector {
  // MARK: - `text`: what the view shows, or an `EditText`'s content

  /// Elements whose `text` is exactly `value`.
  public static func text(_ value: String) -> UISelector { any.text(value) }

  /// Elements whose `text` contains `value`.
  public static func text(containing value: String) -> UISelector { any.text(containing: value) }

  /// Elements whose `text` starts with `prefix`.
  public static func text(startingWith prefix: String) -> UISelector { any.text(startingWith: prefix) }

  /// Elements whose `text` ends with `suffix`.
  public static func text(endingWith suffix: String) -> UISelector { any.text(endingWith: suffix) }

  /// Elements whose whole `text` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func text(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.text(matching: pattern)
  }

  /// Narrows to elements whose `text` is exactly `value`.
  public func text(_ value: String) -> UISelector { adding(.field(.text, TextPattern(.equals, value))) }

  /// Narrows to elements whose `text` contains `value`.
  public func text(containing value: String) -> UISelector { adding(.field(.text, TextPattern(.contains, value))) }

  /// Narrows to elements whose `text` starts with `prefix`.
  public func text(startingWith prefix: String) -> UISelector {
    adding(.field(.text, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `text` ends with `suffix`.
  public func text(endingWith suffix: String) -> UISelector { adding(.field(.text, TextPattern(.endsWith, suffix))) }

  /// Narrows to elements whose whole `text` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func text(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.text, try TextPattern(regex: pattern)))
  }

  // MARK: - `content-desc`: the accessibility label

  /// Elements whose `content-desc` is exactly `value`.
  public static func description(_ value: String) -> UISelector { any.description(value) }

  /// Elements whose `content-desc` contains `value`.
  public static func description(containing value: String) -> UISelector { any.description(containing: value) }

  /// Elements whose `content-desc` starts with `prefix`.
  public static func description(startingWith prefix: String) -> UISelector { any.description(startingWith: prefix) }

  /// Elements whose `content-desc` ends with `suffix`.
  public static func description(endingWith suffix: String) -> UISelector { any.description(endingWith: suffix) }

  /// Elements whose whole `content-desc` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func description(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.description(matching: pattern)
  }

  /// Narrows to elements whose `content-desc` is exactly `value`.
  public func description(_ value: String) -> UISelector {
    adding(.field(.contentDescription, TextPattern(.equals, value)))
  }

  /// Narrows to elements whose `content-desc` contains `value`.
  public func description(containing value: String) -> UISelector {
    adding(.field(.contentDescription, TextPattern(.contains, value)))
  }

  /// Narrows to elements whose `content-desc` starts with `prefix`.
  public func description(startingWith prefix: String) -> UISelector {
    adding(.field(.contentDescription, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `content-desc` ends with `suffix`.
  public func description(endingWith suffix: String) -> UISelector {
    adding(.field(.contentDescription, TextPattern(.endsWith, suffix)))
  }

  /// Narrows to elements whose whole `content-desc` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func description(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.contentDescription, try TextPattern(regex: pattern)))
  }

  // MARK: - `hint`: an `EditText`'s placeholder; uiautomator2 and Appium dumps only

  /// Elements whose `hint` is exactly `value`.
  public static func hint(_ value: String) -> UISelector { any.hint(value) }

  /// Elements whose `hint` contains `value`.
  public static func hint(containing value: String) -> UISelector { any.hint(containing: value) }

  /// Elements whose `hint` starts with `prefix`.
  public static func hint(startingWith prefix: String) -> UISelector { any.hint(startingWith: prefix) }

  /// Elements whose `hint` ends with `suffix`.
  public static func hint(endingWith suffix: String) -> UISelector { any.hint(endingWith: suffix) }

  /// Elements whose whole `hint` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func hint(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.hint(matching: pattern)
  }

  /// Narrows to elements whose `hint` is exactly `value`.
  public func hint(_ value: String) -> UISelector { adding(.field(.hint, TextPattern(.equals, value))) }

  /// Narrows to elements whose `hint` contains `value`.
  public func hint(containing value: String) -> UISelector { adding(.field(.hint, TextPattern(.contains, value))) }

  /// Narrows to elements whose `hint` starts with `prefix`.
  public func hint(startingWith prefix: String) -> UISelector {
    adding(.field(.hint, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `hint` ends with `suffix`.
  public func hint(endingWith suffix: String) -> UISelector { adding(.field(.hint, TextPattern(.endsWith, suffix))) }

  /// Narrows to elements whose whole `hint` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func hint(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.hint, try TextPattern(regex: pattern)))
  }
}
