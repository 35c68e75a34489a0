import Testing

@testable import DeviceControl

@Suite struct UIBoundsTests {
  @Test func parsesAndroidsShortString() throws {
    let bounds = try #require(UIBounds(parsing: "[888,1290][1056,1446]"))
    #expect(bounds == UIBounds(x1: 888, y1: 1290, x2: 1056, y2: 1446))
    #expect(bounds.width == 168 && bounds.height == 156)
    #expect(bounds.center == (x: 972, y: 1368))
    #expect(bounds.description == "[888,1290][1056,1446]")
    #expect(UIBounds(parsing: "[-10,0][5,-1]") == UIBounds(x1: -10, y1: 0, x2: 5, y2: -1))
  }

  @Test(arguments: ["", "[0,0]", "[0,0][1,1", "[0,0][1,1]x", "[0, 0][1,1]", "[a,0][1,1]", "[1234567890,0][1,1]"])
  func rejectsAnythingElse(text: String) {
    #expect(UIBounds(parsing: text) == nil)
  }

  @Test func excludesTheRightAndBottomEdges() {
    let bounds = UIBounds(x1: 0, y1: 0, x2: 10, y2: 20)
    #expect(bounds.contains(x: 0, y: 0) && bounds.contains(x: 9, y: 19))
    #expect(!bounds.contains(x: 10, y: 5) && !bounds.contains(x: 5, y: 20) && !bounds.contains(x: -1, y: 0))
  }

  @Test func isEmptyWithoutArea() {
    #expect(UIBounds.zero.isEmpty)
    #expect(UIBounds(x1: 5, y1: 5, x2: 5, y2: 9).isEmpty)
    #expect(!UIBounds(x1: 0, y1: 0, x2: 1, y2: 1).isEmpty)
  }
}
