import Foundation

/// Small documents shaped like real dumps, and the real TikTok dumps in the shared fixtures.
enum SampleDumps {
  /// A profile header in `uiautomator dump` format: a counts row of clickable blocks, each a
  /// number above its label, then Follow and Message buttons.
  static let profile = """
    <?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0">\
    <node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.zhiliaoapp.musically" \
    content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" \
    focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,0][480,568]">\
    <node index="0" text="" resource-id="com.zhiliaoapp.musically:id/gcy" class="android.widget.LinearLayout" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="false" \
    enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[24,315][456,376]">\
    <node index="0" text="" resource-id="com.zhiliaoapp.musically:id/dqh" class="android.widget.LinearLayout" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="true" \
    enabled="true" focusable="true" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[32,315][170,376]">\
    <node index="0" text="1386" resource-id="com.zhiliaoapp.musically:id/dqd" class="android.widget.TextView" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="false" \
    enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[32,315][170,348]" />\
    <node index="1" text="Following" resource-id="com.zhiliaoapp.musically:id/dqe" class="android.widget.TextView" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="false" \
    enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[32,352][170,376]" /></node>\
    <node index="2" text="" resource-id="com.zhiliaoapp.musically:id/dq5" class="android.widget.LinearLayout" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="true" \
    enabled="true" focusable="true" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[171,315][309,376]">\
    <node index="0" text="48" resource-id="com.zhiliaoapp.musically:id/dq3" class="android.widget.TextView" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="false" \
    enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[171,315][309,348]" />\
    <node index="1" text="Followers" resource-id="com.zhiliaoapp.musically:id/dq4" class="android.widget.TextView" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="false" \
    enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[171,352][309,376]" /></node></node>\
    <node index="1" text="Follow" resource-id="com.zhiliaoapp.musically:id/ihh" class="android.widget.Button" \
    package="com.zhiliaoapp.musically" content-desc="" checkable="false" checked="false" clickable="true" \
    enabled="true" focusable="true" focused="false" scrollable="false" long-clickable="false" password="false" \
    selected="false" bounds="[24,400][236,460]" />\
    <node index="2" text="Message" resource-id="" class="android.widget.Button" package="com.zhiliaoapp.musically" \
    content-desc="" checkable="false" checked="false" clickable="true" enabled="true" focusable="true" \
    focused="false" scrollable="false" long-clickable="false" password="false" selected="false" \
    bounds="[244,400][456,460]" /></node></hierarchy>
    """

  /// A feed's right rail in Appium page-source format: class-named tags, indentation, extra
  /// attributes, `hint`, a comment.
  static let appiumFeed = """
    <?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
    <hierarchy index="0" class="hierarchy" rotation="1" width="1080" height="2400">
      <!-- the app window -->
      <android.widget.FrameLayout index="0" package="com.zhiliaoapp.musically" class="android.widget.FrameLayout" \
    text="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" \
    long-clickable="false" password="false" scrollable="false" selected="false" bounds="[0,0][1080,2400]" \
    displayed="true" window-id="571">
        <android.widget.Button index="0" package="com.zhiliaoapp.musically" class="android.widget.Button" text="" \
    content-desc="Like video. 169.2K likes" resource-id="com.zhiliaoapp.musically:id/f57" checkable="false" \
    checked="false" clickable="true" enabled="true" focusable="true" focused="false" long-clickable="true" \
    password="false" scrollable="false" selected="false" bounds="[948,1155][1068,1275]" displayed="true" />
        <android.widget.Button index="1" package="com.zhiliaoapp.musically" text="" \
    content-desc="Share video. 24.9K shares" resource-id="com.zhiliaoapp.musically:id/f57" checkable="false" \
    checked="false" clickable="true" enabled="true" focusable="true" focused="false" long-clickable="false" \
    password="false" scrollable="false" selected="false" bounds="[948,1600][1068,1720]" displayed="true" />
        <android.widget.EditText index="2" package="com.zhiliaoapp.musically" class="android.widget.EditText" \
    text="Add comment..." hint="Add comment..." checkable="false" checked="false" clickable="true" \
    enabled="true" focusable="true" focused="false" long-clickable="true" password="false" scrollable="false" \
    selected="false" bounds="[40,2200][800,2300]" displayed="true" />
      </android.widget.FrameLayout>
    </hierarchy>
    """

  /// The folder of real TikTok dumps: `../shared/fixtures/tiktok-real` beside the package.
  static let realDumpsFolder: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // DeviceControlTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("../shared/fixtures/tiktok-real").standardizedFileURL

  /// Whether the real dumps are there (they live outside the repository).
  static let haveRealDumps = FileManager.default.fileExists(atPath: realDumpsFolder.path)

  /// The real dumps' file names, sorted.
  static var realDumpNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: realDumpsFolder.path)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted()
  }

  /// The bytes of the real dump `name`.
  static func realDump(_ name: String) throws -> Data {
    try Data(contentsOf: realDumpsFolder.appendingPathComponent(name))
  }
}
