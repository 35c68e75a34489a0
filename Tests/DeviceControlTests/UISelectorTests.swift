import Testing

@testable import DeviceControl

@Suite struct UISelectorTests {
  let profile = try! UIHierarchy(parsing: SampleDumps.profile)
  let feed = try! UIHierarchy(parsing: SampleDumps.appiumFeed)

  private func texts(_ selector: UISelector, in screen: UIHierarchy? = nil) -> [String] {
    (screen ?? profile).elements(matching: selector).map(\.text)
  }

  @Test func comparesTextExactlyAndCaseSensitively() {
    #expect(texts(.text("Follow")) == ["Follow"])
    #expect(texts(.text("follow")) == [])
    #expect(texts(.text(containing: "Follow")) == ["Following", "Followers", "Follow"])
    #expect(texts(.text(startingWith: "Follow")) == ["Following", "Followers", "Follow"])
    #expect(texts(.text(endingWith: "ers")) == ["Followers"])
    #expect(texts(.text(containing: "")).count == 10)
  }

  @Test func regularExpressionsMustMatchTheWholeValue() throws {
    #expect(texts(try .text(matching: "[0-9]+")) == ["1386", "48"])
    #expect(texts(try .text(matching: "Follow")) == ["Follow"])
    #expect(texts(try .text(matching: "Follow.*")) == ["Following", "Followers", "Follow"])
    #expect(texts(try .text(matching: "")).count == 4)  // the empty texts
    #expect(feed.elements(matching: try .description(matching: "Like video\\. .* likes")).count == 1)
  }

  @Test func anInvalidRegularExpressionIsAnInvalidArgument() {
    let error = #expect(throws: DeviceControlError.self) { try UISelector.text(matching: "([unclosed") }
    #expect(error?.code == .invalidArgument)
    #expect(error?.message.contains("([unclosed") == true)
  }

  @Test func matchesDescriptionResourceIDClassPackageAndHint() throws {
    #expect(feed.elements(matching: .description(startingWith: "Like video")).map(\.id) == [1])
    #expect(feed.elements(matching: .description(containing: "shares")).map(\.id) == [2])
    #expect(feed.elements(matching: .resourceID("com.zhiliaoapp.musically:id/f57")).map(\.id) == [1, 2])
    #expect(feed.elements(matching: .resourceID(endingWith: ":id/f57")).count == 2)
    #expect(feed.elements(matching: try .resourceID(matching: ".*:id/f5[0-9]")).count == 2)
    #expect(feed.elements(matching: .className("android.widget.Button")).map(\.id) == [1, 2])
    #expect(feed.elements(matching: try .className(matching: ".*\\.(Button|EditText)")).map(\.id) == [1, 2, 3])
    #expect(feed.elements(matching: .packageName("com.zhiliaoapp.musically")).count == 4)
    #expect(feed.elements(matching: .hint("Add comment...")).map(\.id) == [3])
    #expect(feed.elements(matching: .hint(containing: "comment")).map(\.id) == [3])
  }

  @Test func combinesConditionsEitherWay() {
    let chained = UISelector.description(startingWith: "Like video").clickable()
    let listed = UISelector(.description(startingWith: "Like video"), .clickable(true))
    #expect(chained == listed)
    #expect(feed.elements(matching: chained).map(\.id) == [1])
    #expect(feed.elements(matching: chained.longClickable(false)).isEmpty)
    #expect(feed.elements(matching: .clickable().longClickable()).map(\.id) == [1, 3])
    #expect(profile.elements(matching: .clickable(false).enabled()).count == 6)
    #expect(feed.elements(matching: .any).count == 4)
  }

  @Test func readsEveryFlag() {
    let node = UIElement(
      id: 0, checkable: true, checked: true, clickable: true, enabled: true, focusable: true, focused: true,
      scrollable: true, longClickable: true, password: true, selected: true)
    let screen = UIHierarchy(nodes: [node])
    let all: [UISelector] = [
      .checkable(), .checked(), .clickable(), .enabled(), .focusable(), .focused(), .scrollable(), .longClickable(),
      .password(), .selected(),
    ]
    for selector in all {
      #expect(screen.contains(selector), "\(selector)")
      #expect(!UIHierarchy(nodes: [UIElement(id: 0)]).contains(selector), "\(selector)")
    }
  }

  @Test func indexIsThePositionAmongSiblingsAndInstanceTheNthMatch() {
    #expect(texts(UISelector.className("android.widget.TextView").index(0)) == ["1386", "48"])
    #expect(texts(UISelector.className("android.widget.TextView").instance(2)) == ["48"])
    #expect(texts(UISelector.className("android.widget.TextView").instance(9)) == [])
    #expect(texts(UISelector(.instance(1), .text(containing: "Follow"))) == ["Followers"])
    #expect(profile.first(matching: .className("android.widget.Button"))?.text == "Follow")
  }

  @Test func childFindsMatchingDescendantsOfEachMatch() {
    let counts = UISelector.clickable().child(.className("android.widget.TextView").index(0))
    #expect(texts(counts) == ["1386", "48"])
    // Nested matches do not repeat descendants.
    #expect(texts(UISelector.className(startingWith: "android.widget").child(.text("48"))) == ["48"])
    #expect(texts(UISelector.text("Follow").child(.any)) == [])
  }

  @Test func parentAndSiblingMoveAcrossTheTree() {
    let followersBlock = UISelector.text("Followers").parent()
    #expect(profile.elements(matching: followersBlock).map(\.resourceID) == ["com.zhiliaoapp.musically:id/dq5"])
    #expect(texts(UISelector.text("Followers").sibling(.any)) == ["48"])
    #expect(texts(UISelector.text("Followers").parent().clickable().child(.index(0))) == ["48"])
    #expect(texts(UISelector.text("Follow").sibling(.className("android.widget.Button"))) == ["Message"])
    #expect(texts(UISelector.text("Followers").parent().parent().parent().parent()) == [])
  }

  @Test func nearestPairsAValueWithItsLabel() throws {
    let number = try UISelector.text(matching: "[0-9][0-9.,]*[KMB]?")
    #expect(texts(number.nearest(to: .text("Followers"))) == ["48"])
    #expect(texts(number.nearest(to: .text("Following"))) == ["1386"])
    #expect(texts(number.nearest(to: .text("Followers")).instance(1)) == ["1386"])
    #expect(texts(number.nearest(to: .text("Nope"))) == [])
    // The label is never its own nearest element.
    #expect(texts(UISelector.text(containing: "Follow").nearest(to: .text("Followers"))) == ["Follow"])
  }

  @Test func clickableAncestorOrSelfIsWhereATapGoes() throws {
    let label = try #require(profile.first(matching: .text("Followers")))
    #expect(profile.clickableAncestorOrSelf(of: label)?.resourceID == "com.zhiliaoapp.musically:id/dq5")
    let button = try #require(profile.first(matching: .text("Follow")))
    #expect(profile.clickableAncestorOrSelf(of: button) == button)
    #expect(profile.clickableAncestorOrSelf(of: profile.root) == nil)
  }

  @Test func printsAsTheSwiftThatBuildsIt() throws {
    #expect(
      UISelector.description(startingWith: "Like video").clickable().description
        == #"description(startingWith: "Like video").clickable()"#)
    #expect(
      UISelector(.text("Follow"), .clickable(false), .index(2)).description
        == #"text("Follow").clickable(false).index(2)"#)
    #expect(UISelector.any.description == "any")
    #expect(UISelector.instance(3).description == "any.instance(3)")
    #expect(
      try UISelector.text(matching: "[0-9]+").nearest(to: .text("Followers")).description
        == #"text(matching: "[0-9]+").nearest(to: text("Followers"))"#)
    #expect(
      UISelector.clickable().child(.className("X").index(0)).parent().selected().description
        == #"clickable().child(className("X").index(0)).parent().selected()"#)
    #expect(UISelector.text("a").sibling(.any).description == #"text("a").sibling(any)"#)
    #expect(
      UISelector.hint(containing: "q\"").resourceID("r").packageName("p").focused().description
        == #"hint(containing: "q\"").resourceID("r").packageName("p").focused()"#)
  }

  @Test func selectorsAreSendableValues() async throws {
    let selector = try UISelector.description(matching: "Like video.*").clickable()
    let screen = feed
    let counts = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<8 { group.addTask { screen.elements(matching: selector).count } }
      return await group.reduce(0, +)
    }
    #expect(counts == 8)
    #expect(Set([selector, selector.clickable()]).count == 2)
  }
}
