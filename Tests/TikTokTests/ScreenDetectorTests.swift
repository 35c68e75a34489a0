import ChildProcess
import DeviceControl
import Foundation
import InteropSupport
import Testing

@testable import TikTok

/// The detector against the real TikTok dumps in `../shared/fixtures/tiktok-real/` (never copied
/// into the project; the test is skipped when the folder is absent).
@Suite struct ScreenDetectorTests {
  /// The fixtures folder beside the repository.
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/fixtures/tiktok-real")

  static let fixturesPresent = FileManager.default.fileExists(atPath: fixtures.path)

  /// What each real dump shows (SOURCES.md describes them).
  static let expected: [String: TikTokScreen] = [
    "NikDzub_tk23_user_profile_other.xml": .profile,
    "YallaPapi_geelark-automation_comments_sheet.xml": .comments,
    "YallaPapi_geelark-automation_create_camera.xml": .create,
    "YallaPapi_geelark-automation_create_camera_gallery_picker.xml": .gallery,
    "YallaPapi_geelark-automation_create_templates_tab.xml": .create,
    "YallaPapi_geelark-automation_foryou_feed_photo_post.xml": .feed,
    "YallaPapi_geelark-automation_foryou_feed_search_bar.xml": .feed,
    "YallaPapi_geelark-automation_permission_dialog.xml": .dialog,
    "YallaPapi_geelark-automation_post_caption_screen.xml": .post,
    "YallaPapi_geelark-automation_video_editor.xml": .editor,
    "icangarip_android-auto_foryou_feed.xml": .feed,
  ]

  @Test(.enabled(if: fixturesPresent, "../shared/fixtures/tiktok-real is absent"))
  func namesEveryRealDump() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".xml") }
    #expect(Set(files) == Set(Self.expected.keys), "a fixture was added or removed: update `expected`")
    for file in files.sorted() {
      let data = try Data(contentsOf: Self.fixtures.appendingPathComponent(file))
      let detection = ScreenDetector.detect(try UIHierarchy(parsing: data))
      #expect(detection.screen == Self.expected[file], "\(file): \(detection)")
    }
  }

  @Test func anEmptyLookingScreenIsUnknown() throws {
    let xml = """
      <?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0">\
      <node index="0" text="Hello" resource-id="" class="android.widget.TextView" package="x" content-desc="" \
      checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" \
      scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,0][100,100]" /></hierarchy>
      """
    #expect(ScreenDetector.detect(try UIHierarchy(parsing: xml)).screen == .unknown)
  }
}

/// `droidmatrix ui screen --xml FILE` on the real dumps.
@Suite struct UIScreenCommandTests {
  @Test(.enabled(if: ScreenDetectorTests.fixturesPresent, "../shared/fixtures/tiktok-real is absent"))
  func printsTheScreenOfEachRealDump() async throws {
    let droidmatrix = try #require(builtExecutable("droidmatrix"), "droidmatrix was not built next to the tests")
    for (file, screen) in ScreenDetectorTests.expected.sorted(by: { $0.key < $1.key }) {
      let path = ScreenDetectorTests.fixtures.appendingPathComponent(file).path
      let output = try await ChildProcess.run(droidmatrix, ["ui", "screen", "--xml", path], timeout: .seconds(30))
      #expect(output.status == 0)
      #expect(output.standardOutput.hasPrefix("{\"screen\":\"\(screen.rawValue)\",\"score\":"), "\(file)")
    }
  }
}
