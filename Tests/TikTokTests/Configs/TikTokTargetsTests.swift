import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct TikTokTargetsTests {
    @Test(arguments: [
      ("alice", "alice"), ("@alice", "alice"), ("  @alice.b_1 \n", "alice.b_1"), ("@@x", "x"),
      ("https://www.tiktok.com/@alice", "alice"), ("https://www.tiktok.com/@alice?lang=en", "alice"),
    ])
    func normalizesUserNames(input: String, expected: String) {
      #expect(TikTokUsername.normalize(input) == expected)
    }

    @Test(arguments: ["", "  ", "@", "bob smith", "a/b", "https://www.tiktok.com/@a/video/1", "a-b"])
    func refusesTextThatIsNoUserName(input: String) {
      #expect(TikTokUsername.normalize(input) == nil)
    }

    @Test func readsAFullPostURL() throws {
      let post = try #require(
        TikTokPostURL(" https://www.tiktok.com/@alice.b/video/7301234567890123456?is_from_webapp=1 "))
      #expect(post.url == "https://www.tiktok.com/@alice.b/video/7301234567890123456?is_from_webapp=1")
      #expect(post.username == "alice.b")
      #expect(post.postID == "7301234567890123456")
      #expect(!post.isShortLink)
      #expect(TikTokPostURL("https://www.tiktok.com/@a/photo/12/")?.postID == "12")
    }

    @Test func readsAShortLink() throws {
      let post = try #require(TikTokPostURL("https://vm.tiktok.com/ZMabcDEF/"))
      #expect(post.url == "https://vm.tiktok.com/ZMabcDEF/")
      #expect(post.username == nil)
      #expect(post.postID == nil)
      #expect(post.isShortLink)
    }

    @Test(arguments: [
      "", "www.tiktok.com/@a/video/1", "https://www.tiktok.com/@a", "https://www.tiktok.com/a/video/1",
      "https://www.tiktok.com/@a/video/abc", "https://www.tiktok.com/@a/live/1", "https://www.instagram.com/p/ABC/",
      "https://vm.tiktok.com/", "ftp://www.tiktok.com/@a/video/1", "https://evil.com/@a/video/1",
    ])
    func refusesTextThatIsNoPostURL(input: String) {
      #expect(TikTokPostURL(input) == nil)
    }
  }
}
