import ADBWire
import NIOCore
import NIOEmbedded
import Testing

@testable import VirtualPhone

/// `uiautomator dump` takes time and sometimes fails, as on a phone, reproducibly by seed.
@Suite struct UIAutomatorDumpBehaviourTests {
  @Test func aDumpTakesThePhonesLatencyWithoutBlocking() {
    let phone = VirtualPhone()
    #expect(phone.configuration.uiautomatorDump.latency == .milliseconds(300))
    #expect(phone.runShell("uiautomator dump /dev/tty").delay == .milliseconds(300))
    #expect(phone.runShell("uiautomator dump; uiautomator dump /dev/tty").delay == .milliseconds(600))
    #expect(VirtualPhone.withTestApp().runShell("uiautomator dump /dev/tty").delay == .zero)
  }

  @Test func aServedPhoneAnswersADumpAfterItsLatencyOnTheEventLoop() throws {
    let phone = VirtualPhone(configuration: .init(apps: [.testApp]))
    let host = try HostHarness(phone: phone)
    let stream = try #require(try host.open("exec:uiautomator dump /dev/tty"))
    // The phone has answered the OPEN and returned to its event loop: nothing was blocked.
    var (output, closed) = try host.exchange(stream)
    #expect(output.readableBytes == 0 && !closed)
    host.channel.embeddedEventLoop.advanceTime(by: .milliseconds(299))
    (output, closed) = try host.exchange(stream)
    #expect(output.readableBytes == 0 && !closed)
    host.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
    (output, closed) = try host.exchange(stream)
    #expect(closed)
    #expect(String(buffer: output).hasSuffix("</hierarchy>UI hierchary dumped to: /dev/tty\n"))
  }

  /// Runs `count` dumps and returns how each ended: nil for success, else the error printed.
  static func outcomes(of phone: VirtualPhone, count: Int) -> [String?] {
    (0..<count).map { _ in
      let result = phone.runShell("uiautomator dump /dev/tty")
      #expect(result.exitStatus == 0)
      if result.stderrText.isEmpty {
        #expect(result.stdoutText.hasSuffix("UI hierchary dumped to: /dev/tty\n"))
        return nil
      }
      #expect(result.stdoutText.isEmpty)
      return result.stderrText
    }
  }

  @Test func dumpsFailAtTheConfiguredRateAsAndroidPrintsIt() {
    let behaviour = VirtualPhone.DumpBehaviour(latency: .milliseconds(5), failureRate: 0.25, seed: 9)
    let phone = VirtualPhone(configuration: .init(serial: "vphone-dump", uiautomatorDump: behaviour))
    let outcomes = Self.outcomes(of: phone, count: 400)
    let failures = outcomes.compactMap { $0 }
    #expect((70...130).contains(failures.count))
    #expect(
      Set(failures) == [
        "ERROR: could not get idle state.\n", "ERROR: null root node returned by UiTestAutomationBridge.\n",
      ])
    #expect(phone.runShell("uiautomator dump").delay == .milliseconds(5))  // failures take as long

    // The same seed and serial fail at the same dumps; resetting the behaviour starts over.
    let twin = VirtualPhone(configuration: .init(serial: "vphone-dump", uiautomatorDump: behaviour))
    #expect(Self.outcomes(of: twin, count: 400) == outcomes)
    twin.system.setDumpBehaviour(behaviour)
    #expect(Self.outcomes(of: twin, count: 50) == Array(outcomes.prefix(50)))
    let other = VirtualPhone(configuration: .init(serial: "vphone-other", uiautomatorDump: behaviour))
    #expect(Self.outcomes(of: other, count: 400) != outcomes)
  }

  @Test func aFailedDumpLeavesTheOldFileInPlace() throws {
    let phone = VirtualPhone.withTestApp()
    #expect(phone.runShell("uiautomator dump").stdoutText == "UI hierchary dumped to: /sdcard/window_dump.xml\n")
    let first = phone.runShell("cat /sdcard/window_dump.xml").stdoutText
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    phone.system.setDumpBehaviour(.init(latency: .zero, failureRate: 1))
    let failed = phone.runShell("uiautomator dump")
    #expect(failed.exitStatus == 0)
    #expect(failed.stdoutText.isEmpty)
    #expect(failed.stderrText.hasPrefix("ERROR: "))
    #expect(phone.runShell("cat /sdcard/window_dump.xml").stdoutText == first)
  }

  @Test func aScreenThatKeepsRepaintingNeverGetsIdle() throws {
    let phone = VirtualPhone.withTestApp()
    try phone.tap(DumpedScreen(phone).node(id: "open_details"))
    let play = try #require(DumpedScreen(phone).node(id: "play_button"))
    try phone.tap(play)  // the video plays
    let failed = phone.runShell("uiautomator dump /dev/tty")
    #expect(failed.stderrText == "ERROR: could not get idle state.\n")
    #expect(failed.exitStatus == 0)
    try phone.tap(play)  // "tap the centre to pause", as the field notes say
    #expect(DumpedScreen(phone).node(id: "play_button")?.text == "Play")
  }

  @Test func withoutShellV2TheErrorArrivesInTheOutputStream() throws {
    let phone = VirtualPhone(configuration: .init(uiautomatorDump: .init(latency: .zero, failureRate: 1)))
    let host = try HostHarness(phone: phone)
    let stream = try #require(try host.open("exec:uiautomator dump /dev/tty"))
    let (output, closed) = try host.exchange(stream)
    #expect(closed)
    #expect(String(buffer: output).hasPrefix("ERROR: "))
  }
}
