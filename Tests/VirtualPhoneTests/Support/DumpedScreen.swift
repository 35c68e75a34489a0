import Foundation
import FoundationXML
import Testing

@testable import VirtualPhone

/// A `uiautomator dump` read back the way a UI-automation layer reads it: every `<node>` with
/// its attributes and bounds, and lookups by resource id, text and content description.
struct DumpedScreen {
  /// One `<node>`.
  struct Node {
    var attributes: [String: String]
    var depth: Int

    var text: String { attributes["text"] ?? "" }
    var resourceID: String { attributes["resource-id"] ?? "" }
    var className: String { attributes["class"] ?? "" }
    var package: String { attributes["package"] ?? "" }
    var contentDescription: String { attributes["content-desc"] ?? "" }
    func flag(_ name: String) -> Bool { attributes[name] == "true" }
    var isClickable: Bool { flag("clickable") }
    var isEnabled: Bool { flag("enabled") }
    var isFocused: Bool { flag("focused") }
    var isSelected: Bool { flag("selected") }
    var isChecked: Bool { flag("checked") }

    /// `bounds="[x1,y1][x2,y2]"`.
    var bounds: UIRect {
      let numbers = (attributes["bounds"] ?? "").split { !"-0123456789".contains($0) }.compactMap { Int($0) }
      guard numbers.count == 4 else { return .zero }
      return UIRect(left: numbers[0], top: numbers[1], right: numbers[2], bottom: numbers[3])
    }

    /// Where a tap on the node lands.
    var center: (x: Int, y: Int) { bounds.center }
  }

  var nodes: [Node]

  /// Parses a dump; fails the test when it is not well-formed XML.
  init(xml: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let collector = Collector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    #expect(parser.parse(), "the dump is not well-formed XML: \(xml.prefix(200))", sourceLocation: sourceLocation)
    nodes = collector.nodes
  }

  /// Dumps the phone's screen through the shell (`uiautomator dump /dev/tty`).
  init(_ phone: VirtualPhone, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = phone.runShell("uiautomator dump /dev/tty")
    #expect(result.exitStatus == 0, sourceLocation: sourceLocation)
    #expect(result.stderrText.isEmpty, "dump failed: \(result.stderrText)", sourceLocation: sourceLocation)
    self.init(xml: result.stdoutText.replacing("UI hierchary dumped to: /dev/tty\n", with: ""))
  }

  /// Nodes with this resource id (short names get the test app's package).
  func all(id: String) -> [Node] {
    let full = id.contains(":") ? id : "\(TestApp.package):id/\(id)"
    return nodes.filter { $0.resourceID == full }
  }

  /// The first node with this resource id.
  func node(id: String) -> Node? { all(id: id).first }

  /// The first node with exactly this text.
  func node(text: String) -> Node? { nodes.first { $0.text == text } }

  /// The first node with exactly this content description.
  func node(description: String) -> Node? { nodes.first { $0.contentDescription == description } }

  /// Every text on screen, in document order.
  var texts: [String] { nodes.map(\.text).filter { !$0.isEmpty } }

  private final class Collector: NSObject, XMLParserDelegate {
    var nodes: [Node] = []
    var depth = 0

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if elementName == "node" {
        nodes.append(Node(attributes: attributes, depth: depth))
        depth += 1
      }
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
      if elementName == "node" { depth -= 1 }
    }
  }
}

extension VirtualPhone {
  /// A phone with the test app installed and in front, dumps instant and never failing.
  static func withTestApp(
    model: AppModel = .testApp, serial: String = "vphone-test", dump: DumpBehaviour = .instant
  ) -> VirtualPhone {
    let phone = VirtualPhone(
      configuration: .init(serial: serial, model: "Pixel 7", uiautomatorDump: dump, apps: [model]))
    let launched = phone.runShell("monkey -p \(model.package) -c android.intent.category.LAUNCHER 1")
    #expect(launched.exitStatus == 0)
    return phone
  }

  /// The test app's engine.
  var testApp: AppEngine {
    get throws { try #require(system.appEngine(forPackage: TestApp.package)) }
  }

  /// Taps the centre of a node.
  func tap(_ node: DumpedScreen.Node?, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let node = try #require(node, sourceLocation: sourceLocation)
    let result = runShell("input tap \(node.center.x) \(node.center.y)")
    #expect(result.exitStatus == 0, sourceLocation: sourceLocation)
  }
}
