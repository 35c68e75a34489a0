// Conditions on what an element is: `resource-id`, `class` and `package`.
//
// Literals compare UTF-8 exactly and case-sensitively; `matching:` needs a whole-value match.

extension UISelector {
  // MARK: - `resource-id`: `package:id/name`; TikTok obfuscates these per release

  /// Elements whose `resource-id` is exactly `value`.
  public static func resourceID(_ value: String) -> UISelector { any.resourceID(value) }

  /// Elements whose `resource-id` contains `value`.
  public static func resourceID(containing value: String) -> UISelector { any.resourceID(containing: value) }

  /// Elements whose `resource-id` starts with `prefix`.
  public static func resourceID(startingWith prefix: String) -> UISelector { any.resourceID(startingWith: prefix) }

  /// Elements whose `resource-id` ends with `suffix`.
  public static func resourceID(endingWith suffix: String) -> UISelector { any.resourceID(endingWith: suffix) }

  /// Elements whose whole `resource-id` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func resourceID(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.resourceID(matching: pattern)
  }

  /// Narrows to elements whose `resource-id` is exactly `value`.
  public func resourceID(_ value: String) -> UISelector { adding(.field(.resourceID, TextPattern(.equals, value))) }

  /// Narrows to elements whose `resource-id` contains `value`.
  public func resourceID(containing value: String) -> UISelector {
    adding(.field(.resourceID, TextPattern(.contains, value)))
  }

  /// Narrows to elements whose `resource-id` starts with `prefix`.
  public func resourceID(startingWith prefix: String) -> UISelector {
    adding(.field(.resourceID, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `resource-id` ends with `suffix`.
  public func resourceID(endingWith suffix: String) -> UISelector {
    adding(.field(.resourceID, TextPattern(.endsWith, suffix)))
  }

  /// Narrows to elements whose whole `resource-id` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func resourceID(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.resourceID, try TextPattern(regex: pattern)))
  }

  // MARK: - `class`: for example `android.widget.Button`

  /// Elements whose `class` is exactly `value`.
  public static func className(_ value: String) -> UISelector { any.className(value) }

  /// Elements whose `class` contains `value`.
  public static func className(containing value: String) -> UISelector { any.className(containing: value) }

  /// Elements whose `class` starts with `prefix`.
  public static func className(startingWith prefix: String) -> UISelector { any.className(startingWith: prefix) }

  /// Elements whose `class` ends with `suffix`.
  public static func className(endingWith suffix: String) -> UISelector { any.className(endingWith: suffix) }

  /// Elements whose whole `class` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func className(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.className(matching: pattern)
  }

  /// Narrows to elements whose `class` is exactly `value`.
  public func className(_ value: String) -> UISelector { adding(.field(.className, TextPattern(.equals, value))) }

  /// Narrows to elements whose `class` contains `value`.
  public func className(containing value: String) -> UISelector {
    adding(.field(.className, TextPattern(.contains, value)))
  }

  /// Narrows to elements whose `class` starts with `prefix`.
  public func className(startingWith prefix: String) -> UISelector {
    adding(.field(.className, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `class` ends with `suffix`.
  public func className(endingWith suffix: String) -> UISelector {
    adding(.field(.className, TextPattern(.endsWith, suffix)))
  }

  /// Narrows to elements whose whole `class` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func className(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.className, try TextPattern(regex: pattern)))
  }

  // MARK: - `package`: the app the view belongs to

  /// Elements whose `package` is exactly `value`.
  public static func packageName(_ value: String) -> UISelector { any.packageName(value) }

  /// Elements whose `package` contains `value`.
  public static func packageName(containing value: String) -> UISelector { any.packageName(containing: value) }

  /// Elements whose `package` starts with `prefix`.
  public static func packageName(startingWith prefix: String) -> UISelector { any.packageName(startingWith: prefix) }

  /// Elements whose `package` ends with `suffix`.
  public static func packageName(endingWith suffix: String) -> UISelector { any.packageName(endingWith: suffix) }

  /// Elements whose whole `package` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public static func packageName(matching pattern: String) throws(DeviceControlError) -> UISelector {
    try any.packageName(matching: pattern)
  }

  /// Narrows to elements whose `package` is exactly `value`.
  public func packageName(_ value: String) -> UISelector { adding(.field(.packageName, TextPattern(.equals, value))) }

  /// Narrows to elements whose `package` contains `value`.
  public func packageName(containing value: String) -> UISelector {
    adding(.field(.packageName, TextPattern(.contains, value)))
  }

  /// Narrows to elements whose `package` starts with `prefix`.
  public func packageName(startingWith prefix: String) -> UISelector {
    adding(.field(.packageName, TextPattern(.startsWith, prefix)))
  }

  /// Narrows to elements whose `package` ends with `suffix`.
  public func packageName(endingWith suffix: String) -> UISelector {
    adding(.field(.packageName, TextPattern(.endsWith, suffix)))
  }

  /// Narrows to elements whose whole `package` matches the regular expression `pattern`.
  /// - Throws: ``DeviceControlError/Code/invalidArgument`` when `pattern` does not compile.
  public func packageName(matching pattern: String) throws(DeviceControlError) -> UISelector {
    adding(.field(.packageName, try TextPattern(regex: pattern)))
  }
}
