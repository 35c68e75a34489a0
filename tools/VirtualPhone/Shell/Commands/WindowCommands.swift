/// `wm size|density` and `dumpsys window|activity|package` for the window state that
/// automation reads (`dumpsys window | grep mCurrentFocus`).
enum WindowCommands {
  static var registry: ShellCommandRegistry {
    var registry = ShellCommandRegistry()
    registry.register("wm", windowManager)
    registry.register("dumpsys", dumpsys)
    return registry
  }

  static func windowManager(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let system = context.system
    switch (arguments.first, arguments.count) {
    case ("size", 1):
      context.print("Physical size: \(system.physicalScreenSize)\n")
      if let override = system.screenSizeOverride { context.print("Override size: \(override)\n") }
    case ("size", 2) where arguments[1] == "reset":
      system.setScreenSizeOverride(nil)
    case ("size", 2):
      let parts = arguments[1].split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
        context.printError("Error: bad size \(arguments[1])\n")
        return 255
      }
      system.setScreenSizeOverride(ScreenSize(width: parts[0], height: parts[1]))
    case ("density", 1):
      context.print("Physical density: \(system.configuration.density)\n")
      if let override = system.densityOverride { context.print("Override density: \(override)\n") }
    case ("density", 2) where arguments[1] == "reset":
      system.setDensityOverride(nil)
    case ("density", 2):
      guard let density = Int(arguments[1]), density > 0 else {
        context.printError("Error: bad number \(arguments[1])\n")
        return 255
      }
      system.setDensityOverride(density)
    default:
      context.printError("Window manager (window) commands:\n  size [reset|WxH|WdpxHdp]\n  density [reset|DENSITY]\n")
      return 255
    }
    return 0
  }

  /// A stable pseudo hash code for a component, as `Window{1a2b3c u0 …}` shows.
  static func hashCode(_ text: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return String(hash & 0xFFFFFFF, radix: 16)
  }

  static func dumpsys(_ arguments: [String], _ context: inout ShellCommandContext) -> Int32 {
    let system = context.system
    let focus = system.foregroundActivity
    let window = "Window{\(hashCode(focus.description)) u0 \(focus.description)}"
    let record =
      "ActivityRecord{\(hashCode(focus.shortString)) u0 \(focus.shortString) t\(focus.package.utf8.count + 10)}"
    let size = system.screenSize
    switch arguments.first {
    case "window":
      context.print(
        """
        WINDOW MANAGER WINDOWS (dumpsys window windows)
          Window #0 \(window):
            mDisplayId=0 rootTaskId=1 mSession=Session{5e6f7a8 4242:u0a10123} mClient=android.os.BinderProxy@1c2d3e4
            mOwnerUid=10123 showForAllUsers=false package=\(focus.package) appop=NONE
            mAttrs={(0,0)(fillxfill) sim={adjust=pan} ty=BASE_APPLICATION fmt=TRANSLUCENT}
            mFrame=[0,0][\(size.width),\(size.height)] last=[0,0][\(size.width),\(size.height)]
            isOnScreen=true isVisible=true
          mGlobalConfiguration={1.0 ?mcc?mnc [en_US] ldltr sw411dp w411dp h\(size.height * 160 / max(system.density, 1))dp \(system.density)dpi nrml port finger -keyb/v/h -nav/h}
          mHasPermanentDpad=false
          mTopFocusedDisplayId=0
          mCurrentFocus=\(window)
          mFocusedApp=\(record)
          mInputMethodWindow=null
          mDisplayFrozen=false

        """)
    case "activity":
      context.print(
        """
        ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)
        Display #0 (activities from top to bottom):
          * Task{\(hashCode(focus.package)) #\(focus.package.utf8.count + 10) type=standard A=10123:\(focus.package)}
            * Hist  #0: \(record)
              packageName=\(focus.package) processName=\(focus.package)
          ResumedActivity: \(record)
          mResumedActivity: \(record)
          mFocusedApp=\(record)

        """)
    case "package":
      guard arguments.count > 1, let app = system.package(named: arguments[1]) else {
        context.print("Unable to find package: \(arguments.count > 1 ? arguments[1] : "")\n")
        return 0
      }
      context.print(
        """
        Packages:
          Package [\(app.name)] (\(hashCode(app.name))):
            userId=10123
            pkg=Package{\(hashCode(app.name)) \(app.name)}
            codePath=\(app.apkPath)
            versionCode=\(app.versionCode) minSdk=24 targetSdk=33
            versionName=\(app.versionName)
            flags=[ \(app.isSystem ? "SYSTEM " : "")HAS_CODE ALLOW_CLEAR_USER_DATA ]

        """)
    default:
      context.printError("Can't find service: \(arguments.first ?? "")\n")
    }
    return 0
  }
}
