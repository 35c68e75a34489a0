import Testing

@testable import VirtualPhone

/// Create → gallery (media announced with a media scan) → editor → post → upload.
@Suite struct TikTokCreateTests {
  let tiktok = TikTokPhone(uploadDuration: .seconds(4))

  func openGallery() throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Create")
    try tiktok.tap(description: "Upload")
  }

  @Test func theCameraShowsItsLabels() throws {
    tiktok.pauseFeed()
    try tiktok.tap(description: "Create")
    let camera = tiktok.dump()
    for label in ["Add sound", "10m", "60s", "15s", "PHOTO", "TEXT", "CREATE", "POST", "Upload"] {
      #expect(camera.has(label), "\(label)")
    }
    #expect(try tiktok.state().screen == "create")
  }

  @Test func theGalleryListsScannedMediaNewestFirst() throws {
    tiktok.addMedia("/sdcard/DCIM/Camera/one.mp4")
    tiktok.addMedia("/sdcard/Pictures/two.JPG")
    tiktok.addMedia("/sdcard/Movies/three.mov")
    tiktok.sh("mkdir -p /sdcard/Download && echo x > /sdcard/Download/notes.txt")
    tiktok.sh("echo x > /sdcard/DCIM/unscanned.mp4")  // pushed but never announced
    for ignored in ["/sdcard/Download/notes.txt", "/sdcard/DCIM/missing.mp4"] {
      tiktok.sh("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file://\(ignored)")
    }
    try openGallery()
    let gallery = tiktok.dump()
    for label in ["Recents", "All", "Videos", "Photos", "Select multiple", "Next"] {
      #expect(gallery.has(label), "\(label)")
    }
    #expect(
      gallery.descriptions.filter { $0.hasPrefix("Video ") || $0.hasPrefix("Photo ") } == [
        "Video 1", "Photo 2", "Video 3",
      ])
    #expect(gallery.node(text: "Next")?.isEnabled == false)
    try tiktok.tap(description: "Photos")
    #expect(tiktok.dump().descriptions.filter { $0.hasPrefix("Photo ") || $0.hasPrefix("Video ") } == ["Photo 1"])
    #expect(try tiktok.state().screen == "gallery")
  }

  @Test func aSingleTapOpensTheEditorAndThePostIsUploaded() throws {
    tiktok.addMedia("/sdcard/DCIM/Camera/clip.mp4")
    try openGallery()
    try tiktok.tap(description: "Video 1")
    let editor = tiktok.dump()
    for label in ["Text", "Stickers", "Effects", "Your Story", "Next", "Add sound"] {
      #expect(editor.has(label), "\(label)")
    }
    #expect(try tiktok.state().screen == "editor")
    // A sound from the list.
    try tiktok.tap(description: "Add sound")
    let sounds = tiktok.dump()
    #expect(sounds.nodes.first { $0.className == "android.widget.EditText" }?.text == "Search")
    tiktok.type("espresso")
    try tiktok.tap(text: "Espresso - Sabrina Carpenter")
    #expect(tiktok.dump().node(text: "Espresso - Sabrina Carpenter") != nil)  // the chip shows it
    try tiktok.tap(text: "Next")
    // The post screen.
    let post = tiktok.dump()
    for label in ["Add link", "Everyone can view this post", "Drafts", "Post"] { #expect(post.has(label), "\(label)") }
    let fields = post.nodes.filter { $0.className == "android.widget.EditText" }
    #expect(fields.map(\.text) == ["Add a catchy title", "Writing a long description..."])
    try tiktok.tap(fields[0])
    tiktok.type("My trip")
    try tiktok.tap(fields[1])
    tiktok.type("Best day #travel")
    try tiktok.tap(tiktok.dump().nodes.first { $0.text == "Post" && $0.className == "android.widget.Button" })
    // Back on the feed, the upload runs on the phone's clock.
    tiktok.pauseFeed()
    #expect(tiktok.dump().node(text: "Uploading 0%") != nil)
    #expect(try tiktok.state().current.posts.isEmpty)
    tiktok.clock.advance(by: .seconds(2))
    #expect(tiktok.dump().node(text: "Uploading 50%") != nil)
    tiktok.clock.advance(by: .seconds(2))
    #expect(tiktok.dump().node(text: "Posted") != nil)
    let state = try tiktok.state()
    #expect(
      state.current.posts == [
        .init(
          title: "My trip", description: "Best day #travel", caption: "My trip Best day #travel",
          media: ["/sdcard/DCIM/Camera/clip.mp4"], sound: "Espresso - Sabrina Carpenter")
      ])
    #expect(state.screen == "feed")
    tiktok.clock.advance(by: .seconds(5))
    #expect(tiktok.dump().node(text: "Posted") == nil)
  }

  @Test func selectMultiplePicksSeveralItemsInOrder() throws {
    tiktok.addMedia("/sdcard/DCIM/a.jpg")
    tiktok.addMedia("/sdcard/DCIM/b.jpg")
    tiktok.addMedia("/sdcard/DCIM/c.mp4")
    try openGallery()
    try tiktok.tap(text: "Select multiple")
    try tiktok.tap(description: "Photo 3")  // a.jpg, the oldest
    try tiktok.tap(description: "Video 1")  // c.mp4
    let gallery = tiktok.dump()
    // Two items are checked, and so is Select multiple.
    #expect(gallery.nodes.filter { $0.className == "android.widget.CheckBox" && $0.isChecked }.count == 3)
    #expect(try tiktok.state().screen == "gallery")
    try tiktok.tap(text: "Next")
    try tiktok.tap(text: "Next")
    let fields = tiktok.dump().nodes.filter { $0.className == "android.widget.EditText" }
    try tiktok.tap(fields[1])
    tiktok.type("Two things")
    try tiktok.tap(tiktok.dump().nodes.first { $0.text == "Post" && $0.className == "android.widget.Button" })
    tiktok.clock.advance(by: .seconds(5))
    let post = try #require(try tiktok.state().current.posts.first)
    #expect(post.media == ["/sdcard/DCIM/a.jpg", "/sdcard/DCIM/c.mp4"])
    #expect(post.caption == "Two things")
    #expect(post.sound == nil)
  }

  @Test func draftsDropsThePost() throws {
    tiktok.addMedia("/sdcard/DCIM/a.jpg")
    try openGallery()
    try tiktok.tap(description: "Photo 1")
    try tiktok.tap(text: "Next")
    try tiktok.tap(text: "Drafts")
    tiktok.clock.advance(by: .seconds(10))
    let state = try tiktok.state()
    #expect(state.current.posts.isEmpty)
    #expect(state.screen == "feed")
  }
}
