import Foundation
import FoundationXML
import Testing

@testable import VirtualPhone

@Suite struct UIHierarchyXMLTests {
  /// Parses XML and collects every `node` element's attributes.
  final class NodeCollector: NSObject, XMLParserDelegate {
    var nodes: [[String: String]] = []
    var attributeOrder: [[String]] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if elementName == "node" { nodes.append(attributes) }
    }
  }

  func parse(_ xml: String) -> (Bool, [[String: String]]) {
    let parser = XMLParser(data: Data(xml.utf8))
    let collector = NodeCollector()
    parser.delegate = collector
    return (parser.parse(), collector.nodes)
  }

  @Test func rendersExactUiautomatorFormat() {
    let leaf = UINode(
      className: "android.widget.TextView", text: "Chrome", contentDescription: "Chrome", package: "p", clickable: true,
      bounds: UIRect(left: 0, top: 10, right: 270, bottom: 334))
    let root = UINode(
      className: "android.widget.FrameLayout", package: "p", bounds: UIRect(left: 0, top: 0, right: 1080, bottom: 2400),
      children: [leaf])
    #expect(
      UIHierarchyXML.render(root) == """
        <?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation="0"><node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="p" content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,0][1080,2400]"><node index="0" text="Chrome" resource-id="" class="android.widget.TextView" package="p" content-desc="Chrome" checkable="false" checked="false" clickable="true" enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="[0,10][270,334]" /></node></hierarchy>
        """)
  }

  @Test func clickableNodeWithoutLabelIsMarkedNAF() {
    let node = UINode(className: "android.widget.Button", clickable: true, bounds: .zero)
    #expect(UIHierarchyXML.render(node).contains("<node NAF=\"true\" index=\"0\""))
  }

  @Test(arguments: [
    ("a & b", "a &amp; b"), ("<tag>", "&lt;tag&gt;"), ("say \"hi\"", "say &quot;hi&quot;"), ("it's", "it's"),
    ("line\nbreak", "line&#10;break"), ("bell\u{07}", "bell"), ("emoji 🎉", "emoji 🎉"),
  ])
  func escapesAttributeValues(raw: String, escaped: String) {
    #expect(UIHierarchyXML.escaped(raw) == escaped)
    let node = UINode(className: "android.widget.TextView", text: raw, bounds: .zero)
    let (ok, nodes) = parse(UIHierarchyXML.render(node))
    #expect(ok)
    #expect(nodes.first?["text"] == raw.filter { $0 != "\u{07}" })
  }

  @Test func launcherDumpToFileIsWellFormed() throws {
    let phone = makeTestPhone()
    let result = phone.sh("uiautomator dump")
    #expect(result.stdoutText == "UI hierchary dumped to: /sdcard/window_dump.xml\n")
    let xml = String(decoding: try phone.fileSystem.readFile("/sdcard/window_dump.xml"), as: UTF8.self)
    #expect(!xml.contains("\n"))
    let (ok, nodes) = parse(xml)
    #expect(ok)
    #expect(nodes.allSatisfy { $0["package"] == "com.google.android.apps.nexuslauncher" })
    let labels = Set(nodes.compactMap { $0["content-desc"] })
    #expect(labels.isSuperset(of: ["Chrome", "Settings", "Play Store", "Search"]))
    #expect(!labels.contains("TikTok"))
    // Every node lies within the 1080x2400 screen.
    for node in nodes {
      let numbers = node["bounds"]!.split(whereSeparator: { "[],".contains($0) }).compactMap { Int($0) }
      #expect(numbers.count == 4)
      #expect(numbers[0] >= 0 && numbers[1] >= 0 && numbers[2] <= 1080 && numbers[3] <= 2400)
    }
  }

  @Test func dumpToTtyStreamsXmlThenTheConfirmation() {
    let phone = makeTestPhone()
    let output = phone.sh("uiautomator dump --compressed /dev/tty").stdoutText
    #expect(output.hasPrefix("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\">"))
    #expect(output.hasSuffix("</hierarchy>UI hierchary dumped to: /dev/tty\n"))
    let xml = String(output.dropLast("UI hierchary dumped to: /dev/tty\n".count))
    #expect(parse(xml).0)
    #expect(!phone.fileSystem.exists("/sdcard/window_dump.xml"))
  }

  @Test func foregroundAppWithoutModelShowsItsLabel() {
    let phone = makeTestPhone()
    _ = phone.sh("am start -n com.android.settings/.Settings")
    let (ok, nodes) = parse(
      phone.sh("uiautomator dump /dev/tty").stdoutText.replacing("UI hierchary dumped to: /dev/tty\n", with: ""))
    #expect(ok)
    #expect(nodes.contains { $0["text"] == "Settings" && $0["package"] == "com.android.settings" })
  }
}
