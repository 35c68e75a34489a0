import TaskEngine
import Testing

@Suite struct JSONValueTests {
  @Test(arguments: [
    "null", "true", "0", "-12", "0.5", "\"a/b\"", "[1,\"x\",null]", "{\"a\":{\"b\":[true,2.25]},\"z\":\"\"}",
  ])
  func roundTripsJSONText(text: String) throws {
    #expect(try JSONValue(jsonText: text).jsonText == text)
  }

  @Test func keepsIntegersAndFractionsApart() throws {
    let value = try JSONValue(jsonText: "{\"n\":1,\"f\":1.5,\"big\":1e3}")
    #expect(value["n"] == .int(1))
    #expect(value["f"] == .double(1.5))
    #expect(value["big"]?.intValue == 1000)
    #expect(value["f"]?.intValue == nil)
    #expect(value["missing"] == nil)
    #expect(JSONValue.string("x")["key"] == nil)
  }

  @Test func rejectsMalformedText() {
    #expect(throws: (any Error).self) { try JSONValue(jsonText: "{\"a\":") }
  }
}
