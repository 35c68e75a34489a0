import Testing

@testable import DeviceControl

@Suite struct MalformedHierarchyTests {
  /// Parses `xml` expecting a malformed-hierarchy error; returns its message.
  private func failure(_ xml: String) -> String {
    do {
      let screen = try UIHierarchy(parsing: xml)
      Issue.record("parsed \(xml.debugDescription) into \(screen.nodes.count) nodes")
      return ""
    } catch {
      #expect(error.code == .malformedHierarchy)
      #expect(error.lastHierarchyXML == xml)
      return error.message
    }
  }

  @Test(arguments: [
    ("", "the input is empty"),
    (" \n\t ", "the input is empty"),
    ("<?xml version='1.0'?>", "no root element"),
    ("<hierarchy rotation=\"0\" />", "no nodes"),
    ("<hierarchy rotation=\"0\"></hierarchy>", "no nodes"),
    ("<hierarchy><node></hierarchy>", "mismatched tags: </hierarchy> closes <node> opened at byte 11"),
    ("<hierarchy><node/></node>", "mismatched tags"),
    ("<node/></node>", "</node> closes nothing"),
    ("<node/><node/>", "a second root element"),
    ("<hierarchy><node text=\"a\"b=\"c\"/></hierarchy>", "expected whitespace, '>' or '/>'"),
    ("<hierarchy><node text/></hierarchy>", "expected '=' after the attribute name 'text'"),
    ("<hierarchy><node text=a/></hierarchy>", "the value of 'text' is not quoted"),
    ("<hierarchy><node text=\"a<b\"/></hierarchy>", "'<' inside the value of 'text'"),
    ("<hierarchy><node text=\"&nbsp;\"/></hierarchy>", "unknown entity reference"),
    ("<hierarchy><node text=\"a & b\"/></hierarchy>", "unterminated entity reference"),
    ("<hierarchy><node text=\"&#xZZ;\"/></hierarchy>", "bad character reference"),
    ("<hierarchy><node text=\"&#;\"/></hierarchy>", "empty character reference"),
    ("<hierarchy><node text=\"&#x110000;\"/></hierarchy>", "beyond U+10FFFF"),
    ("<hierarchy><node index=\"one\"/></hierarchy>", "'index' is not an integer"),
    ("<hierarchy><node bounds=\"[0,0][1080]\"/></hierarchy>", "bounds are not [x1,y1][x2,y2]"),
    ("<hierarchy rotation=\"x\"><node/></hierarchy>", "'rotation' is not an integer"),
    ("<hierarchy><node/>garbage</hierarchy>", "unexpected text \"garbage</hierarchy>\" inside <hierarchy>"),
    ("garbage", "unexpected text \"garbage\" outside the root element"),
    ("<hierarchy><node/></hierarchy>trailing", "outside the root element"),
    ("<hierarchy><1node/></hierarchy>", "expected a tag name"),
    ("<hierarchy><node / ></hierarchy>", "expected '>' after '/'"),
    ("<hierarchy><![CDATA[x]]><node/></hierarchy>", "unsupported markup"),
    ("<!DOCTYPE x [<!ENTITY a 'b'>]><node/>", "internal subset is not supported"),
    ("<hierarchy><node/></hierarchy", "the input ends inside the end tag"),
    ("<hierarchy><node text=\"abc", "the input ends inside the value of 'text'"),
    ("<hierarchy><!-- no end", "the input ends inside the comment"),
    ("<hierarchy><node/>", "the input ends inside <hierarchy> opened at byte 0 (truncated?)"),
  ])
  func saysWhatIsWrongAndWhere(xml: String, expected: String) {
    let message = failure(xml)
    #expect(message.contains(expected), "\(message)")
    #expect(message.contains("at byte") || message.contains("empty") || message.contains("no "), "\(message)")
  }

  @Test func reportsTheByteOffsetOfTheProblem() {
    #expect(
      failure("<hierarchy><node text=\"a\" =\"b\"/></hierarchy>").hasPrefix("malformed hierarchy XML at byte 26:"))
    #expect(failure("<hierarchy><node>").contains("at byte 17"))
  }

  @Test func everyTruncationOfADocumentIsAnErrorNeverACrash() throws {
    for document in [SampleDumps.profile, SampleDumps.appiumFeed] {
      let bytes = Array(document.utf8)
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 { end -= 1 }
      #expect(throws: Never.self) { try UIHierarchy(parsing: bytes[..<end]) }
      for length in 0..<end {
        do {
          _ = try UIHierarchy(parsing: bytes[..<length])
          Issue.record("a \(length)-byte prefix parsed")
        } catch {
          #expect(error.code == .malformedHierarchy)
        }
      }
    }
  }

  @Test func invalidUTF8IsMalformedWithItsOffset() {
    var bytes = Array("<hierarchy><node text=\"ab\"/></hierarchy>".utf8)
    bytes[24] = 0xFF
    do {
      _ = try UIHierarchy(parsing: bytes)
      Issue.record("invalid UTF-8 parsed")
    } catch {
      #expect(error.code == .malformedHierarchy)
      #expect(error.message.contains("at byte 24: not valid UTF-8"))
    }
  }
}
