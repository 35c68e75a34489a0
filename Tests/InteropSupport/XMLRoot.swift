import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The root element of a parsed XML document and how many `node` elements it holds.
public struct XMLRoot {
  public var name: String
  public var nodeCount: Int

  /// Parses `data` with Foundation's XMLParser; throws its error when the XML is not well formed.
  public static func parse(_ data: Data) throws -> XMLRoot {
    let delegate = Delegate()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    guard parser.parse(), let root = delegate.root else {
      throw AdbFailure("XML is not well formed: \(parser.parserError.map { "\($0)" } ?? "no root element")")
    }
    return XMLRoot(name: root, nodeCount: delegate.nodes)
  }

  private final class Delegate: NSObject, XMLParserDelegate {
    var root: String?
    var nodes = 0

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if root == nil { root = elementName }
      if elementName == "node" { nodes += 1 }
    }
  }
}
