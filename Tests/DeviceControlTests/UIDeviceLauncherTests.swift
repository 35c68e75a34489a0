import ADB
import DeviceControl
import Testing
import VirtualPhone

/// ``UIDevice`` on the virtual phone's launcher: reads, taps, keys, app control and counters.
@Suite(.timeLimit(.minutes(1))) struct UIDeviceLauncherTests {
  @Test func oneDumpServesEveryLookupUntilTheNextAction() async throws {
    try await UIPhone.with { ui, phone in
      #expect(try await ui.find(.description("Search")) != nil)
      #expect(try await ui.find(.text("Chrome")) != nil)
      #expect(try await ui.exists(.text("No such app")) == false)
      #expect(await ui.counters.dumps == 1)
      #expect(await ui.counters.shellRoundTrips == 1)
      try await ui.press(.back)
      #expect(try await ui.find(.description("Search")) != nil)
      let counters = await ui.counters
      #expect(counters.dumps == 2)
      #expect(counters.keyPresses == 1)
      #expect(counters.shellRoundTrips == 3)
    }
  }

  @Test func tappingAnIconBringsItsAppToTheFront() async throws {
    try await UIPhone.with { ui, phone in
      let before = await ui.counters
      let icon = try await ui.tap(.text("Chrome"))
      #expect(icon.text == "Chrome")
      #expect(phone.system.foregroundActivity.package == "com.android.chrome")
      #expect(try await ui.foregroundPackage() == "com.android.chrome")
      let used = await ui.counters - before
      // waitFor reads twice (two reads must agree), then one tap; then one dumpsys.
      #expect(used.dumps == 2 && used.taps == 1 && used.shellRoundTrips == 4)
      // The tap landed inside the icon, near its centre.
      guard case .tap(let x, let y) = try #require(phone.system.inputEvents.last) else {
        Issue.record("the last input event must be a tap")
        return
      }
      #expect(icon.bounds.contains(x: x, y: y))
      #expect(abs(x - icon.bounds.center.x) <= 3 && abs(y - icon.bounds.center.y) <= 3)
      try await ui.press(.home)
      #expect(try await ui.foregroundPackage() == "com.google.android.apps.nexuslauncher")
    }
  }

  @Test func aMissingElementFailsWithTheScreenAndAScreenshot() async throws {
    var options = UIPhone.fastOptions
    options.screenshotsOnFailure = true
    try await UIPhone.with(options: options) { ui, _ in
      do {
        try await ui.tap(.text("Nowhere"), timeout: .seconds(1))
        Issue.record("a missing element must fail")
      } catch let error as DeviceControlError {
        #expect(error.code == .elementNotFound)
        #expect(error.message.contains("Nowhere"))
        #expect(error.lastHierarchyXML?.contains("<hierarchy") == true)
        #expect(error.screenshotPNG?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
      }
    }
  }

  @Test func launchesStopsAndReadsTheScreenSize() async throws {
    try await UIPhone.with { ui, phone in
      try await ui.launch("com.android.settings")
      #expect(phone.system.foregroundActivity.package == "com.android.settings")
      #expect(try await ui.waitFor(.text("Settings")).className == "android.widget.TextView")
      try await ui.forceStop("com.android.settings")
      #expect(phone.system.foregroundActivity.package != "com.android.settings")
      await #expect(throws: DeviceControlError.self) { try await ui.launch("com.example.missing") }
      let size = try await ui.screenSize()
      #expect(size.width == phone.system.screenSize.width && size.height == phone.system.screenSize.height)
      #expect(try await ui.screenshot().count > 1000)
    }
  }
}
