import Testing

@testable import VirtualPhone

/// The test app's 30-row list: only the rows on screen exist, swipes scroll it, and it ends.
@Suite struct TestAppScrollingTests {
  let phone = VirtualPhone.withTestApp()

  func visibleItems(_ screen: DumpedScreen) -> [String] {
    screen.all(id: "item_title").map(\.text)
  }

  @Test func onlyTheRowsOnScreenExistClippedToTheList() throws {
    let screen = DumpedScreen(phone)
    let list = try #require(screen.node(id: "item_list"))
    #expect(list.flag("scrollable"))
    #expect(visibleItems(screen) == (1...9).map { "Item \($0)" })
    let rows = screen.all(id: "item_row")
    #expect(rows.count == 9)
    #expect(rows.allSatisfy { $0.bounds.top >= list.bounds.top && $0.bounds.bottom <= list.bounds.bottom })
    #expect(rows.last!.bounds.height < rows.first!.bounds.height)  // the ninth row is cut by the list's edge
    #expect(screen.node(text: "Item 30") == nil)
  }

  @Test func scrollingUntilVisibleReachesTheLastRowAndTheListEnds() throws {
    var swipes = 0
    while DumpedScreen(phone).node(text: "Item 30") == nil {
      swipes += 1
      try #require(swipes <= 10, "Item 30 never became visible")
      _ = phone.runShell("input swipe 540 2000 540 1000 800")  // a drag: scrolls by the finger's 1000 px
    }
    #expect(swipes == 4)
    let end = DumpedScreen(phone)
    let list = try #require(end.node(id: "item_list"))
    #expect(end.all(id: "item_row").last?.bounds.bottom == list.bounds.bottom)
    let dumped = phone.runShell("uiautomator dump /dev/tty").stdoutText
    _ = phone.runShell("input swipe 540 2000 540 1000 800")
    #expect(phone.runShell("uiautomator dump /dev/tty").stdoutText == dumped)  // the end: nothing moves
    try phone.tap(end.node(text: "Item 30"))
    #expect(DumpedScreen(phone).node(id: "item_detail_title")?.text == "Item 30")
  }

  @Test func aFlingScrollsFurtherThanADragAndSwipingDownReturnsToTheTop() throws {
    _ = phone.runShell("input swipe 540 2000 540 1500 800")
    let dragged = visibleItems(DumpedScreen(phone))
    _ = phone.runShell("input swipe 540 1500 540 2000 800")
    #expect(visibleItems(DumpedScreen(phone)).first == "Item 1")
    _ = phone.runShell("input swipe 540 2000 540 1500 100")
    let flung = visibleItems(DumpedScreen(phone))
    // Rows are 168 px; a title shows once its row's top 21 px are inside the list.
    #expect(dragged.first == "Item 4")  // scrolled 500 px
    #expect(flung.first == "Item 7")  // scrolled 1000 px
    for _ in 0..<3 { _ = phone.runShell("input swipe 540 1000 540 2000") }
    #expect(visibleItems(DumpedScreen(phone)).first == "Item 1")
  }

  @Test func theScrollPositionBelongsToTheScreenOnTheStack() throws {
    _ = phone.runShell("input swipe 540 2000 540 1000 800")
    let scrolled = visibleItems(DumpedScreen(phone))
    try phone.tap(DumpedScreen(phone).node(text: scrolled[2]))
    _ = phone.runShell("input keyevent BACK")
    #expect(visibleItems(DumpedScreen(phone)) == scrolled)
  }

  @Test func aSwipeOutsideTheListDoesNotScrollIt() {
    let before = visibleItems(DumpedScreen(phone))
    _ = phone.runShell("input swipe 540 700 540 100 800")  // starts on the sent-messages area
    #expect(visibleItems(DumpedScreen(phone)) == before)
  }
}
