import ADB

extension UIDevice {
  /// Starts `package`'s launcher activity (`monkey -p PKG -c android.intent.category.LAUNCHER 1`),
  /// which survives the activity renames between app versions.
  /// - Throws: ``DeviceControlError/Code/commandFailed`` when the package has no launcher activity.
  public func launch(_ package: String) async throws(DeviceControlError) {
    invalidate()
    let result = try await shell("monkey -p \(package) -c android.intent.category.LAUNCHER 1")
    let output = result.standardOutput + result.standardError
    guard !output.contains("No activities found"), !output.contains("monkey aborted") else {
      throw DeviceControlError(.commandFailed, "cannot launch \(package): is it installed? (\(output.firstLine))")
    }
  }

  /// Stops `package` (`am force-stop`).
  public func forceStop(_ package: String) async throws(DeviceControlError) {
    invalidate()
    try await run("am force-stop \(package)")
  }

  /// Clears `package`'s data (`pm clear`): it starts as freshly installed.
  public func clearData(_ package: String) async throws(DeviceControlError) {
    invalidate()
    let output = try await shell("pm clear \(package)").standardOutput
    guard output.contains("Success") else {
      throw DeviceControlError(.commandFailed, "pm clear \(package) failed: \(output.firstLine)")
    }
  }

  /// Opens `url` in `package` and waits for the launch (`am start -W -a VIEW -d URL PKG`); the
  /// package keeps a browser from taking the link.
  public func openLink(_ url: String, in package: String) async throws(DeviceControlError) {
    invalidate()
    let quoted = "'" + url.replacing("'", with: #"'\''"#) + "'"
    let result = try await shell("am start -W -a android.intent.action.VIEW -d \(quoted) \(package)")
    let output = result.standardOutput + result.standardError
    guard !output.contains("Error"), result.exitStatus ?? 0 == 0 else {
      throw DeviceControlError(.commandFailed, "cannot open \(url) in \(package): \(output.firstLine)")
    }
  }

  /// The package of the focused window (`dumpsys window`'s `mCurrentFocus`), nil when none.
  public func foregroundPackage() async throws(DeviceControlError) -> String? {
    let output = try await shell("dumpsys window | grep mCurrentFocus").standardOutput
    // mCurrentFocus=Window{1a2b3c u0 com.example/com.example.MainActivity}
    guard let line = output.split(whereSeparator: \.isNewline).first(where: { $0.contains("mCurrentFocus=") }),
      let component = line.split(separator: " ").last(where: { $0.contains("/") })
    else { return nil }
    return String(component.prefix { $0 != "/" })
  }

  /// The screen size in pixels (`wm size`: the override when set, else the physical size).
  public func screenSize() async throws(DeviceControlError) -> (width: Int, height: Int) {
    let output = try await shell("wm size").standardOutput
    var size: (Int, Int)?
    for line in output.split(whereSeparator: \.isNewline) {
      guard let value = line.split(separator: ":").last?.trimmingPrefixSpaces,
        case let parts = value.split(separator: "x"), parts.count == 2,
        let width = Int(parts[0]), let height = Int(parts[1])
      else { continue }
      size = (width, height)  // "Override size" follows "Physical size" and wins.
    }
    guard let size else { throw DeviceControlError(.commandFailed, "wm size printed \(output.firstLine)") }
    return size
  }

  /// A PNG screenshot.
  public func screenshot() async throws(DeviceControlError) -> [UInt8] {
    counters.shellRoundTrips += 1
    do {
      return try await device.screenshotPNG()
    } catch let error as ADBError {
      throw DeviceControlError(error)
    } catch {
      throw DeviceControlError(.commandFailed, "screencap: \(error)")
    }
  }
}

extension String {
  /// The first line, for short error messages.
  var firstLine: String { split(whereSeparator: \.isNewline).first.map(String.init) ?? "" }
}

extension Substring {
  /// Without leading spaces.
  var trimmingPrefixSpaces: Substring { drop { $0 == " " } }
}
