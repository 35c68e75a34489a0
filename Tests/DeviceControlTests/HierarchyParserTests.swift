import Testing

@testable import DeviceControl

@Suite struct HierarchyParserTests {
  @Test func readsUIAutomatorNodesInDocumentOrderWithTheirTree() throws {
    let screen = try UIHierarchy(parsing: SampleDumps.profile)
    #expect(screen.nodes.count == 10)
    #expect(screen.rotation == 0)
    #expect(screen.nodes.map(\.id) == Array(0..<10))
    #expect(screen.root.className == "android.widget.FrameLayout")
    #expect(screen.root.childIDs == [1, 8, 9])
    let followers = try #require(screen.nodes.first { $0.text == "Followers" })
    #expect(followers.id == 7)
    #expect(followers.parentID == 5)
    #expect(followers.depth == 3)
    #expect(followers.index == 1)
    #expect(followers.resourceID == "com.zhiliaoapp.musically:id/dq4")
    #expect(followers.packageName == "com.zhiliaoapp.musically")
    #expect(followers.bounds == UIBounds(x1: 171, y1: 352, x2: 309, y2: 376))
    #expect(followers.enabled && !followers.clickable && !followers.focusable)
    #expect(screen.parent(of: followers)?.clickable == true)
    #expect(screen.ancestors(of: followers).map(\.id) == [5, 1, 0])
    #expect(screen.siblings(of: followers).map(\.text) == ["48"])
    #expect(screen.children(of: screen.nodes[1]).map(\.id) == [2, 5])
    #expect(screen.descendants(of: screen.nodes[1]).map(\.id) == [2, 3, 4, 5, 6, 7])
    #expect(screen.element(99) == nil)
    #expect(screen.xml == SampleDumps.profile)
  }

  @Test func readsAppiumPageSourceTakingClassesFromTags() throws {
    let screen = try UIHierarchy(parsing: SampleDumps.appiumFeed)
    #expect(screen.rotation == 1)
    #expect(screen.nodes.count == 4)
    #expect(screen.root.parentID == nil)
    let share = screen.nodes[2]
    #expect(share.className == "android.widget.Button")  // no class attribute: the tag
    #expect(share.contentDescription == "Share video. 24.9K shares")
    let composer = screen.nodes[3]
    #expect(composer.hint == "Add comment...")
    #expect(composer.className == "android.widget.EditText")
    #expect(screen.nodes[1].longClickable)
  }

  @Test func decodesEntitiesAndCharacterReferences() throws {
    let screen = try UIHierarchy(
      parsing: #"<hierarchy><node text="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;" "#
        + #"content-desc="&#65;&#x42;&#X43;&#10;&#128512;" hint="&#55357;&#56832; &#55357;x" /></hierarchy>"#)
    #expect(screen.root.text == #"a & b <c> "d" 'e'"#)
    #expect(screen.root.contentDescription == "ABC\n😀")
    // A surrogate pair written as two references is one emoji; a lone surrogate is U+FFFD.
    #expect(screen.root.hint == "😀 \u{FFFD}x")
  }

  @Test func acceptsBothQuoteStylesAndSpacesAroundEquals() throws {
    let screen = try UIHierarchy(
      parsing: "<hierarchy rotation='3'><node text = 'say \"hi\"' class=\"it's\" bounds='[1,2][3,4]'/></hierarchy>")
    #expect(screen.rotation == 3)
    #expect(screen.root.text == "say \"hi\"")
    #expect(screen.root.className == "it's")
    #expect(screen.root.bounds == UIBounds(x1: 1, y1: 2, x2: 3, y2: 4))
  }

  @Test func keepsUTF8Text() throws {
    let screen = try UIHierarchy(parsing: #"<hierarchy><node text="Créer 你好 😀" content-desc="J'aime"/></hierarchy>"#)
    #expect(screen.root.text == "Créer 你好 😀")
    let fromBytes = try UIHierarchy(parsing: Array(screen.xml.utf8))
    #expect(fromBytes == screen)
  }

  @Test func skipsDeclarationCommentsAndProcessingInstructions() throws {
    let xml = """
      \u{FEFF}<?xml version="1.0"?>
      <!-- dumped by a test --><!DOCTYPE hierarchy>
      <hierarchy><!-- inside --><?pi data?><node text="x"/><!----></hierarchy>
      <!-- after -->

      """
    #expect(try UIHierarchy(parsing: xml).root.text == "x")
  }

  @Test func defaultsMissingAttributes() throws {
    let screen = try UIHierarchy(parsing: "<hierarchy><node><node/><node index=\"7\"/><node/></node></hierarchy>")
    #expect(screen.root.bounds == .zero)
    #expect(screen.root.className == "")
    #expect(screen.nodes.map(\.index) == [0, 0, 7, 2])
    #expect(screen.rotation == 0)
  }

  @Test func readsEveryWindowOfAWindowsDump() throws {
    // `uiautomator dump --windows`: displays > display > window > hierarchy > node.
    let xml = """
      <?xml version='1.0' encoding='UTF-8' standalone='yes' ?><displays><display id="0">\
      <window index="0" title="TikTok" bounds="[0,0][1080,2400]" active="true" focused="true" type="TYPE_APPLICATION">\
      <hierarchy rotation="0"><node class="app" bounds="[0,0][1080,2400]"><node text="Post"/></node></hierarchy></window>\
      <window index="1" title="Gboard" bounds="[0,1500][1080,2400]" type="TYPE_INPUT_METHOD"><hierarchy rotation="0">\
      <node class="keyboard" bounds="[0,1500][1080,2400]"/></hierarchy></window></display></displays>
      """
    let screen = try UIHierarchy(parsing: xml)
    #expect(screen.nodes.map(\.className) == ["app", "", "keyboard"])
    #expect(screen.roots.map(\.id) == [0, 2])
    #expect(screen.nodes[2].index == 1)
    #expect(screen.siblings(of: screen.nodes[0]).map(\.id) == [2])
    #expect(screen.nodes[1].depth == 1 && screen.nodes[2].depth == 0)
  }

  @Test func readsANodeRootWithoutAHierarchyWrapper() throws {
    let screen = try UIHierarchy(parsing: "<node text=\"alone\"></node>")
    #expect(screen.nodes.count == 1)
    #expect(screen.root.text == "alone")
  }

  @Test func equalityIgnoresTheXMLSpacing() throws {
    let compact = try UIHierarchy(parsing: "<hierarchy><node text=\"a\"><node/></node></hierarchy>")
    let spaced = try UIHierarchy(parsing: "<hierarchy>\n  <node   text='a' >\n <node />\n</node>\n</hierarchy>\n")
    #expect(compact == spaced)
    #expect(compact != (try UIHierarchy(parsing: "<hierarchy><node text=\"b\"><node/></node></hierarchy>")))
  }
}
