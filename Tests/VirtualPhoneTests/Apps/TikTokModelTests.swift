import Foundation
import Testing

@testable import VirtualPhone

/// The model as a package: version and obfuscated resource ids, deep links resolving to the
/// app, the media scanner, and `vphone state`.
@Suite struct TikTokModelTests {
  @Test func resourceIDsAreObfuscatedAndChangeWithTheVersion() throws {
    func likeButtonID(version: String) throws -> String {
      let tiktok = TikTokPhone(version: version)
      tiktok.pauseFeed()
      let like = try #require(tiktok.dump().node(descriptionPrefix: "Like video. "))
      #expect(tiktok.sh("dumpsys package \(TikTok.package)").stdoutText.contains("versionName=\(version)"))
      return like.resourceID
    }
    let old = try likeButtonID(version: "37.5.4")
    let new = try likeButtonID(version: "38.1.2")
    #expect(old.hasPrefix("\(TikTok.package):id/"))
    #expect(old.dropFirst("\(TikTok.package):id/".count).count == 3)
    #expect(old != new)
    #expect(try likeButtonID(version: "37.5.4") == old)  // stable within a version
    #expect(TikTokIDs(version: "1.0")("a") != TikTokIDs(version: "1.0")("b"))
  }

  @Test func theAppIsInstalledWithItsLauncherAndDeepLinks() throws {
    let tiktok = TikTokPhone(launch: false)
    #expect(tiktok.sh("pm list packages -3").stdoutText.contains("package:\(TikTok.package)"))
    #expect(tiktok.sh("pm path \(TikTok.package)").exitStatus == 0)
    // A profile link without the package resolves to TikTok, not the browser.
    tiktok.open("https://www.tiktok.com/@jennyjp2020", withPackage: false)
    #expect(tiktok.phone.system.foregroundActivity.package == TikTok.package)
    #expect(try tiktok.state().screen == "profile")
  }

  @Test func theMediaScannerIndexesAnnouncedFilesOnly() {
    let tiktok = TikTokPhone(launch: false)
    let store = tiktok.phone.system.mediaStore
    tiktok.addMedia("/sdcard/DCIM/a.mp4")
    tiktok.sh("echo x > '/sdcard/DCIM/b c.jpg'")
    tiktok.sh("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/b%20c.jpg")
    tiktok.sh("echo x > /sdcard/DCIM/c.png")
    tiktok.sh("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/gone.png")
    #expect(store.entries.map(\.path) == ["/sdcard/DCIM/b c.jpg", "/sdcard/DCIM/a.mp4"])
    #expect(store.entries.map(\.kind) == [.photo, .video])
    // A scan of a deleted file drops it.
    tiktok.sh("rm /sdcard/DCIM/a.mp4")
    tiktok.sh("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file:///sdcard/DCIM/a.mp4")
    #expect(store.entries.map(\.path) == ["/sdcard/DCIM/b c.jpg"])
  }

  @Test func vphoneStatePrintsSortedStableJSON() throws {
    let tiktok = TikTokPhone(accounts: ["alice"])
    let output = tiktok.sh("vphone state").stdoutText
    #expect(output.hasSuffix("}\n"))
    #expect(
      output
        == #"{"accounts":{"alice":{"comments":[],"favorites":[],"follows":[],"likes":[],"messages":[],"posts":[],"#
        + #""profile":{"avatar":null,"bio":"","nickname":"alice"},"searches":[],"watched":[]}},"#
        + #""current_account":"alice","package":"com.zhiliaoapp.musically","screen":"feed","version":"37.5.4"}"#
        + "\n")
    #expect(tiktok.sh("vphone state \(TikTok.package)").stdoutText == output)
    #expect(tiktok.phone.runShell("vphone state com.android.settings").exitStatus == 1)
    #expect(tiktok.phone.runShell("vphone").stderrText == "usage: vphone state [PACKAGE]\n")
    #expect(VirtualPhone().runShell("vphone state").stderrText == "vphone: no app state to report\n")
  }

  @Test func theModelIsEasyToInstallFromSwift() throws {
    let phone = VirtualPhone(configuration: .init(apps: [.tiktok(accounts: ["one", "two"])]))
    let engine = try #require(phone.system.appEngine(forPackage: TikTok.package))
    #expect(engine.model.versionName == TikTok.defaultVersion)
    #expect(engine.model.versionCode == 370504)
    #expect(engine.state.tiktok.accountHandles == ["one", "two"])
    #expect(AppModel.tiktok() == TikTok.model())
  }
}
