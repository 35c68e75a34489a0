import Foundation
import Testing

@testable import DeviceControl

/// The real TikTok dumps in `../shared/fixtures/tiktok-real` (see its SOURCES.md).
@Suite(.enabled(if: SampleDumps.haveRealDumps, "the real dumps are not at ../shared/fixtures/tiktok-real"))
struct RealDumpTests {
  private func screen(_ name: String) throws -> UIHierarchy {
    try UIHierarchy(parsing: try SampleDumps.realDump(name))
  }

  @Test func everyDumpParses() throws {
    let names = SampleDumps.realDumpNames
    #expect(names.count >= 11)
    for name in names {
      let screen = try screen(name)
      #expect(screen.nodes.count > 10, "\(name)")
      #expect(screen.root.packageName == "com.zhiliaoapp.musically", "\(name)")
      #expect(screen.nodes.allSatisfy { !$0.className.isEmpty }, "\(name)")
      // The tree is consistent: ids are positions, children point back at their parent.
      for node in screen.nodes {
        #expect(
          node.childIDs.allSatisfy { screen.nodes[$0].parentID == node.id && screen.nodes[$0].depth == node.depth + 1 })
      }
    }
  }

  @Test(arguments: [
    "icangarip_android-auto_foryou_feed.xml", "YallaPapi_geelark-automation_foryou_feed_search_bar.xml",
    "YallaPapi_geelark-automation_foryou_feed_photo_post.xml",
  ])
  func findsTheLikeButtonOnTheFeed(name: String) throws {
    let screen = try screen(name)
    let likes = screen.elements(matching: UISelector.description(startingWith: "Like video").clickable())
    #expect(likes.count == 1)
    let like = try #require(likes.first)
    #expect(like.className == "android.widget.Button")
    #expect(like.contentDescription.hasSuffix(" likes"))
    #expect(!like.bounds.isEmpty)
    // The rail sits at the right edge.
    #expect(like.bounds.center.x > screen.root.bounds.width * 3 / 4)
    #expect(screen.clickableAncestorOrSelf(of: like) == like)
  }

  @Test func pairsTheFollowersCountWithItsLabel() throws {
    let screen = try screen("NikDzub_tk23_user_profile_other.xml")
    let count = try UISelector.className("android.widget.TextView").text(matching: "[0-9][0-9.,]*[KMB]?")
    #expect(screen.first(matching: count.nearest(to: .text("Followers")))?.text == "48")
    #expect(screen.first(matching: count.nearest(to: .text("Following")))?.text == "1386")
    #expect(screen.contains(.text("Follow").className("android.widget.Button").clickable()))
    let label = try #require(screen.first(matching: .text("Followers")))
    #expect(screen.clickableAncestorOrSelf(of: label)?.resourceID.hasSuffix(":id/dq5") == true)
  }

  @Test func readsAppiumDumpsWithClassesFromTags() throws {
    let screen = try screen("YallaPapi_geelark-automation_post_caption_screen.xml")
    #expect(screen.xml.contains("<android.widget.EditText"))
    let fields = screen.elements(matching: .className("android.widget.EditText"))
    #expect(fields.contains { $0.hint.hasPrefix("Add a catchy title") || $0.text.hasPrefix("Add a catchy title") })
    #expect(screen.contains(UISelector.className("android.widget.Button").text("Post")))
    let feed = try self.screen("YallaPapi_geelark-automation_foryou_feed_search_bar.xml")
    #expect(feed.rotation == 0)
    #expect(feed.contains(UISelector.description("Profile").selected(false)))
  }
}
