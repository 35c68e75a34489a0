import Testing

@testable import VirtualPhone

@Suite struct AndroidCommandTests {
  let phone = makeTestPhone()

  // MARK: - Properties and settings

  @Test func getpropListsSortedBracketedPairs() {
    let lines = phone.sh("getprop").stdoutText.split(separator: "\n")
    #expect(lines.contains("[ro.build.version.sdk]: [33]"))
    #expect(lines.contains("[ro.product.model]: [Pixel 7]"))
    #expect(lines.contains("[ro.serialno]: [vphone-test]"))
    #expect(lines == lines.sorted())
  }

  @Test(arguments: [
    ("getprop ro.build.version.release", "13\n"),
    ("getprop ro.product.cpu.abi", "arm64-v8a\n"),
    ("getprop no.such.key", "\n"),
    ("getprop no.such.key fallback", "fallback\n"),
  ])
  func getpropSingleKey(line: String, expected: String) {
    #expect(phone.sh(line).stdoutText == expected)
  }

  @Test func extraPropertiesOverrideDefaults() {
    let custom = VirtualPhone(configuration: .init(extraProperties: ["ro.build.version.sdk": "34", "x.y": "z"]))
    #expect(custom.sh("getprop ro.build.version.sdk; getprop x.y").stdoutText == "34\nz\n")
  }

  @Test func setpropChangesWritableAndRefusesReadOnly() {
    #expect(phone.sh("setprop debug.test 1 && getprop debug.test").stdoutText == "1\n")
    let refused = phone.sh("setprop ro.secure 0")
    #expect(refused.exitStatus == 1)
    #expect(refused.stderrText.hasPrefix("Failed to set property 'ro.secure' to '0'."))
  }

  @Test func settingsGetPutListDelete() {
    #expect(
      phone.sh("settings get secure default_input_method").stdoutText == "com.android.inputmethod.latin/.LatinIME\n")
    #expect(phone.sh("settings get global nope").stdoutText == "null\n")
    #expect(phone.sh("settings put system font_scale 1.3; settings get system font_scale").stdoutText == "1.3\n")
    #expect(phone.sh("settings list global").stdoutText.contains("adb_enabled=1\n"))
    #expect(phone.sh("settings delete system font_scale").stdoutText == "Deleted 1 rows\n")
    #expect(phone.sh("settings get bogus x").exitStatus == 255)
  }

  // MARK: - Window manager

  @Test func wmSizeAndDensity() {
    #expect(phone.sh("wm size").stdoutText == "Physical size: 1080x2400\n")
    #expect(phone.sh("wm density").stdoutText == "Physical density: 420\n")
    _ = phone.sh("wm size 720x1600")
    #expect(phone.sh("wm size").stdoutText == "Physical size: 1080x2400\nOverride size: 720x1600\n")
    #expect(phone.system.screenSize == ScreenSize(width: 720, height: 1600))
    _ = phone.sh("wm size reset")
    #expect(phone.sh("wm size").stdoutText == "Physical size: 1080x2400\n")
    #expect(phone.sh("wm size banana").exitStatus != 0)
  }

  // MARK: - Input

  @Test func inputCommandsAreRecorded() {
    let result = phone.sh(
      "input tap 100 200; input swipe 540 1800 540 600 300; input swipe 1 2 3 4; input text 'hello%sworld'; input keyevent --longpress KEYCODE_DEL 66"
    )
    #expect(result.exitStatus == 0)
    #expect(
      phone.system.inputEvents == [
        .tap(x: 100, y: 200),
        .swipe(x1: 540, y1: 1800, x2: 540, y2: 600, durationMs: 300),
        .swipe(x1: 1, y1: 2, x2: 3, y2: 4, durationMs: 300),
        .text("hello world"),
        .keyEvent(code: 67, longPress: true),
        .keyEvent(code: 66, longPress: true),
      ])
  }

  @Test(arguments: ["input tap 1", "input tap a b", "input swipe 1 2 3", "input", "input keyevent", "input fly 1"])
  func invalidInputIsUsageError(line: String) {
    let result = phone.sh(line)
    #expect(result.exitStatus == 1)
    #expect(result.stderrText.contains("Usage: input"))
    #expect(phone.system.inputEvents.isEmpty)
  }

  @Test func tappingLauncherIconStartsApp() throws {
    let xml = phone.sh("uiautomator dump /dev/tty").stdoutText
    #expect(xml.contains("text=\"Chrome\""))
    let chrome = try #require(phone.system.currentScreen().allNodes.first { $0.contentDescription == "Chrome" })
    _ = phone.sh("input tap \(chrome.bounds.center.x) \(chrome.bounds.center.y)")
    #expect(phone.system.foregroundActivity.package == "com.android.chrome")
    _ = phone.sh("input keyevent KEYCODE_BACK")
    #expect(phone.system.foregroundActivity == PhoneSystem.launcherActivity)
  }

  // MARK: - Activities

  @Test func amStartWithWaitReportsColdLaunch() {
    let result = phone.sh("am start -W -n com.android.settings/.Settings")
    #expect(
      result.stdoutText == """
        Starting: Intent { cmp=com.android.settings/.Settings }
        Status: ok
        LaunchState: COLD
        Activity: com.android.settings/.Settings
        TotalTime: 350
        WaitTime: 360
        Complete

        """)
    #expect(
      phone.sh("dumpsys window | grep mCurrentFocus").stdoutText.contains(
        "u0 com.android.settings/com.android.settings.Settings}"))
    #expect(phone.sh("dumpsys window windows").stdoutText.contains("mFocusedApp=ActivityRecord{"))
  }

  @Test func amStartViewResolvesBrowserOrFails() {
    let view = phone.sh("am start -a android.intent.action.VIEW -d https://example.com/page")
    #expect(view.stdoutText == "Starting: Intent { act=android.intent.action.VIEW dat=https://example.com/... }\n")
    #expect(phone.system.foregroundActivity.package == "com.android.chrome")
    let unknown = phone.sh("am start -a android.intent.action.VIEW -d https://x.y com.zhiliaoapp.musically")
    #expect(unknown.exitStatus == 1)
    #expect(
      unknown.stderrText.hasPrefix(
        "Error: Activity not started, unable to resolve Intent { act=android.intent.action.VIEW"))
    #expect(phone.sh("am start -n com.android.settings/.Nope").stderrText.contains("does not exist"))
  }

  @Test func forceStopReturnsToLauncherOnlyWhenForeground() {
    _ = phone.sh("monkey -p com.android.chrome -c android.intent.category.LAUNCHER 1")
    _ = phone.sh("am force-stop com.android.settings")
    #expect(phone.system.foregroundActivity.package == "com.android.chrome")
    _ = phone.sh("am force-stop com.android.chrome")
    #expect(phone.system.foregroundActivity == PhoneSystem.launcherActivity)
    #expect(!phone.system.isRunning("com.android.chrome"))
  }

  @Test func monkeyLaunchesPackage() {
    let result = phone.sh("monkey -p com.android.settings -c android.intent.category.LAUNCHER 1")
    #expect(result.exitStatus == 0)
    #expect(result.stdoutText.contains("Events injected: 1\n"))
    #expect(phone.system.foregroundActivity.shortString == "com.android.settings/.Settings")
    let missing = phone.sh("monkey -p com.zhiliaoapp.musically -c android.intent.category.LAUNCHER 1")
    #expect(missing.exitStatus == 252)
    #expect(missing.stdoutText.contains("** No activities found to run, monkey aborted."))
  }

  @Test func broadcastIsRecordedWithExtras() {
    let result = phone.sh("am broadcast -a com.example.PING --es msg hi --ei n 5")
    #expect(
      result.stdoutText
        == "Broadcasting: Intent { act=com.example.PING flg=0x400000 (has extras) }\nBroadcast completed: result=0\n")
    #expect(
      phone.system.broadcasts == [Broadcast(action: "com.example.PING", extras: ["msg": .string("hi"), "n": .int(5)])])
  }

  // MARK: - Packages and IMEs

  @Test func pmListsPackages() {
    let all = phone.sh("pm list packages").stdoutText
    #expect(all.contains("package:com.android.settings\n"))
    #expect(all.contains("package:com.google.android.apps.nexuslauncher\n"))
    #expect(phone.sh("pm list packages chrome").stdoutText == "package:com.android.chrome\n")
    #expect(phone.sh("pm list packages -3").stdoutText == "")
    phone.system.installADBKeyboard()
    #expect(phone.sh("pm list packages -3").stdoutText == "package:com.android.adbkeyboard\n")
  }

  @Test func imeSetRequiresInstalledKeyboard() {
    #expect(phone.sh("ime list -s").stdoutText == "com.android.inputmethod.latin/.LatinIME\n")
    let missing = phone.sh("ime set com.android.adbkeyboard/.AdbIME")
    #expect(missing.exitStatus != 0)
    #expect(missing.stderrText.contains("Unknown input method com.android.adbkeyboard/.AdbIME"))
    phone.system.installADBKeyboard()
    #expect(
      phone.sh("ime enable com.android.adbkeyboard/.AdbIME").stdoutText
        == "Input method com.android.adbkeyboard/.AdbIME: now enabled for user #0\n")
    #expect(
      phone.sh("ime set com.android.adbkeyboard/.AdbIME").stdoutText
        == "Input method com.android.adbkeyboard/.AdbIME selected for user #0\n")
    #expect(phone.sh("settings get secure default_input_method").stdoutText == "com.android.adbkeyboard/.AdbIME\n")
    #expect(
      phone.sh("ime list -a -s").stdoutText
        == "com.android.adbkeyboard/.AdbIME\ncom.android.inputmethod.latin/.LatinIME\n")
  }

  @Test func adbKeyboardTypesBase64Broadcasts() {
    phone.system.installADBKeyboard()
    _ = phone.sh("ime set com.android.adbkeyboard/.AdbIME")
    _ = phone.sh("am broadcast -a ADB_INPUT_B64 --es msg 5L2g5aW9")  // "你好"
    #expect(phone.system.inputEvents == [.text("你好")])
  }
}
