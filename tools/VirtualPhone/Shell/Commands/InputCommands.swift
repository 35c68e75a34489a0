/// `input`: taps, swipes, text and key events, recorded by ``PhoneSystem/inject(_:)``.
/// Argument errors print Android's usage text and exit 1; text the virtual keyboard cannot
/// type (``VirtualKeyboard``) fails as on Android and types nothing.
enum InputCommands {
  static let sources: Set<String> = [
    "dpad", "keyboard", "mouse", "touchpad", "gamepad", "touchnavigation", "joystick", "touchscreen", "stylus",
    "trackball",
  ]
  /// `input swipe` without a duration uses 300 ms (InputShellCommand.runSwipe).
  static let defaultSwipeMilliseconds = 300

  static let usage = """
    Usage: input [<source>] [-d DISPLAY_ID] <command> [<arg>...]

    The sources are:
          dpad
          keyboard
          mouse
          touchpad
          gamepad
          touchnavigation
          joystick
          touchscreen
          stylus
          trackball

    -d: specify the display ID.
          (Default: -1 for key event, 0 for motion event if not specified.)
    The commands and default sources are:
          text <string> (Default: keyboard)
          keyevent [--longpress|--doubletap] <key code number or name> ... (Default: keyboard)
          tap <x> <y> (Default: touchscreen)
          swipe <x1> <y1> <x2> <y2> [duration(ms)] (Default: touchscreen)
          draganddrop <x1> <y1> <x2> <y2> [duration(ms)] (Default: touchscreen)
          press (Default: trackball)
          roll <dx> <dy> (Default: trackball)

    """

  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("input", input)
    return registry
  }

  static func input(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    var words = arguments[...]
    if let first = words.first, sources.contains(first) { words = words.dropFirst() }
    if words.first == "-d" { words = words.dropFirst(2) }
    guard let command = words.popFirst() else { return fail(nil, &context) }
    let values = Array(words)
    let system = context.system
    switch command {
    case "tap":
      guard values.count == 2, let point = coordinates(values) else { return fail(command, &context) }
      system.inject(.tap(x: point[0], y: point[1]))
    case "swipe", "draganddrop":
      guard values.count == 4 || values.count == 5, let points = coordinates(Array(values.prefix(4))) else {
        return fail(command, &context)
      }
      var duration = defaultSwipeMilliseconds
      if values.count == 5 {
        guard let milliseconds = Int(values[4]) else { return fail(command, &context) }
        duration = milliseconds < 0 ? defaultSwipeMilliseconds : milliseconds
      }
      system.inject(.swipe(x1: points[0], y1: points[1], x2: points[2], y2: points[3], durationMs: duration))
    case "text":
      guard let text = values.first else { return fail(command, &context) }
      // InputShellCommand.sendText: "%s" stands for a space.
      let typed = text.replacing("%s", with: " ")
      guard VirtualKeyboard.canType(typed) else {
        context.printError(VirtualKeyboard.failure(command: arguments.first ?? command))
        return VirtualKeyboard.failureStatus
      }
      system.inject(.text(typed))
    case "keyevent":
      var longPress = false
      var doubleTap = false
      var codes: [Int] = []
      for value in values {
        switch value {
        case "--longpress": longPress = true
        case "--doubletap": doubleTap = true
        default:
          guard let code = KeyCode.code(for: value) else {
            context.printError("Error: Unknown keycode: \(value)\n")
            return 1
          }
          codes.append(code)
        }
      }
      guard !codes.isEmpty else { return fail(command, &context) }
      for code in codes {
        system.inject(.keyEvent(code: code, longPress: longPress))
        if doubleTap { system.inject(.keyEvent(code: code, longPress: false)) }
      }
    case "press":
      system.inject(.keyEvent(code: 23, longPress: false))  // a trackball press is DPAD_CENTER
    default:
      return fail(command, &context)
    }
    return 0
  }

  /// Parses coordinates; Android accepts floats and rounds them.
  private static func coordinates(_ values: [String]) -> [Int]? {
    let numbers = values.compactMap { Double($0) }
    guard numbers.count == values.count, numbers.allSatisfy(\.isFinite) else { return nil }
    return numbers.map { Int($0.rounded()) }
  }

  private static func fail(_ command: String?, _ context: inout ShellCommandContext) -> Int32 {
    if let command { context.printError("Error: Invalid arguments for command: \(command)\n") }
    context.printError(usage)
    return 1
  }
}
