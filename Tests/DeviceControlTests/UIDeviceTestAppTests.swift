import ADB
import DeviceControl
import Testing
import VirtualPhone

/// ``UIDevice`` against the virtual phone's test app: taps with postconditions, swipes, scrolling
/// to the end of a list, typing (ASCII, and Unicode through the emulated ADB keyboard), waits,
/// watchers that dismiss injected pop-ups, and dumps that fail.
@Suite(.timeLimit(.minutes(1))) struct UIDeviceTestAppTests {
  /// Serves a phone with the test app started.
  static func withTestApp(
    keyboard: Bool = false, _ body: (UIDevice, VirtualPhone, AppEngine) async throws -> Void
  ) async throws {
    var engine: AppEngine?
    try await UIPhone.with(prepare: { phone in
      engine = phone.system.installApp(.testApp)
      if keyboard { phone.system.installADBKeyboard() }
    }) { ui, phone in
      try await ui.launch(TestApp.package)
      try await body(ui, phone, try #require(engine))
    }
  }

  static let message = UISelector.resourceID("com.droidmatrix.testapp:id/message_input")

  @Test func tapsUntilThePostconditionHolds() async throws {
    try await Self.withTestApp { ui, _, _ in
      try await ui.tap(.text("Follow"), expecting: .text("Following"))
      #expect(try await ui.exists(.text("Following")))
      try await ui.tap(.text("Notifications").checkable(), expecting: .text("Notifications").checked())
      // A postcondition that never comes fails after one more try.
      do {
        try await ui.tap(.text("Following"), expecting: .text("Unfollowed"), postconditionTimeout: .seconds(1))
        Issue.record("an impossible postcondition must fail")
      } catch let error as DeviceControlError {
        #expect(error.code == .postconditionFailed)
      }
    }
  }

  @Test func scrollsUntilAnItemShowsAndStopsAtTheEnd() async throws {
    try await Self.withTestApp { ui, _, _ in
      #expect(try await ui.find(.text("Item 25")) == nil)
      let item = try await ui.scroll(until: .text("Item 25"))
      #expect(item.text == "Item 25")
      do {
        try await ui.scroll(until: .text("Item 99"), maxSwipes: 20)
        Issue.record("a row past the end must not be found")
      } catch let error as DeviceControlError {
        #expect(error.code == .elementNotFound)
        #expect(try await ui.exists(.text("Item 30")))
      }
      let swipes = await ui.counters.swipes
      #expect(swipes < 20, "scrolling must stop when the list no longer moves")
      try await ui.scroll(until: .text("Item 1"), direction: .up)
    }
  }

  @Test func swipesLongPressesAndNavigates() async throws {
    try await Self.withTestApp { ui, _, _ in
      try await ui.longPress(.text("Item 2"))
      try await ui.waitFor(.text("Pinned"))
      try await ui.tap(.text("Open details"))
      let pager = try await ui.waitFor(.resourceID("com.droidmatrix.testapp:id/pager"))
      let y = pager.bounds.center.y
      try await ui.swipe(from: (pager.bounds.x2 - 50, y), to: (pager.bounds.x1 + 50, y))
      try await ui.waitFor(.text("Page 2"))
      try await ui.press(.back)
      try await ui.waitUntilGone(.text("Page 2"))
      #expect(try await ui.exists(.text("Open details")))
    }
  }

  @Test func typesASCIIWithEveryShellCharacterThroughInputText() async throws {
    try await Self.withTestApp { ui, phone, _ in
      let text = #"it's "quoted" & $HOME; 100%s `ls` | (a) <b> \ ~ # ? *"#
      try await ui.type(text, into: Self.message)
      #expect(try await ui.find(Self.message)?.text == text)
      #expect(await ui.counters.textInputs >= 2, "long text goes in chunks")
      try await ui.tap(.text("Send"))
      try await ui.waitFor(.text(text))
      #expect(phone.system.selectedInputMethod != UIDevice.adbKeyboardIME)
    }
  }

  @Test func typesUnicodeThroughTheADBKeyboardAndRestoresTheIME() async throws {
    try await Self.withTestApp(keyboard: true) { ui, phone, _ in
      let before = phone.system.selectedInputMethod
      let text = "héllo 👋 你好"
      try await ui.type(text, into: Self.message)
      #expect(try await ui.find(Self.message)?.text == text)
      #expect(phone.system.selectedInputMethod == before)
    }
  }

  @Test func unicodeWithoutTheADBKeyboardSaysHowToInstallIt() async throws {
    try await Self.withTestApp { ui, _, _ in
      do {
        try await ui.type("👋", into: Self.message)
        Issue.record("emoji without an IME must fail")
      } catch let error as DeviceControlError {
        #expect(error.code == .inputUnavailable)
        #expect(error.message.contains("ADBKeyBoard"))
      }
    }
  }

  @Test func watchersDismissPopupsBetweenSteps() async throws {
    try await Self.withTestApp { ui, _, engine in
      await ui.addWatcher(UIWatcher("update", when: .text("Not now"), then: .tap))
      await ui.addWatcher(
        UIWatcher("permission", when: .text("Allow").clickable(), then: .tapOther(.text("Don\u{2019}t allow"))))
      engine.showPopup(.updateAvailable(appLabel: TestApp.label))
      try await ui.tap(.text("Follow"), expecting: .text("Following"))
      engine.showPopup(.permission(appLabel: TestApp.label, request: "send you notifications"))
      try await ui.tap(.text("Following"), expecting: .text("Follow"))
      #expect(await ui.counters.watcherFirings == 2)
      #expect(try await ui.runWatchers().isEmpty)
    }
  }

  @Test func failedDumpsAreRetriedAndAScreenThatNeverIdlesIsATypedError() async throws {
    try await Self.withTestApp { ui, phone, _ in
      phone.system.setDumpBehaviour(.init(latency: .zero, failureRate: 0.5, seed: 3))
      await ui.resetCounters()
      for _ in 0..<5 { try await ui.refresh() }
      #expect(await ui.counters.dumps > 5, "some dumps failed and were retried")
      phone.system.setDumpBehaviour(.instant)
      try await ui.tap(.text("Open details"))
      try await ui.tap(.text("Play"))
      await ui.resetCounters()
      do {
        try await ui.refresh()
        Issue.record("a playing screen must not dump")
      } catch let error as DeviceControlError {
        #expect(error.code == .dumpFailed)
        #expect(error.dumpFailureKind == .idleTimeout)
        #expect(await ui.counters.dumps == UIDevice.Options().dumpAttempts)
      }
    }
  }

  @Test func deepLinksAndClearingDataDriveTheApp() async throws {
    try await Self.withTestApp { ui, phone, _ in
      try await ui.openLink("droidmatrix://item/7", in: TestApp.package)
      try await ui.waitFor(.resourceID("com.droidmatrix.testapp:id/item_detail_title").text("Item 7"))
      #expect(try await ui.foregroundPackage() == TestApp.package)
      try await ui.press(.back)
      try await ui.tap(.text("Follow"), expecting: .text("Following"))
      try await ui.clearData(TestApp.package)
      try await ui.launch(TestApp.package)
      try await ui.waitFor(.text("Follow"))
      await #expect(throws: DeviceControlError.self) { try await ui.clearData("com.example.missing") }
    }
  }
}
