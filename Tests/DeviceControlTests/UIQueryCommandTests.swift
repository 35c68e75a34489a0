import ChildProcess
import Foundation
import InteropSupport
import Testing

/// `droidmatrix ui query`, run as the built executable.
@Suite struct UIQueryCommandTests {
  /// The `droidmatrix` binary built next to the test bundle.
  static var executable: String? { builtExecutable("droidmatrix") }

  static func droidmatrix(_ arguments: [String]) async throws -> ChildProcess.Output {
    let executable = try #require(executable, "droidmatrix was not built next to the tests")
    return try await ChildProcess.run(executable, arguments, timeout: .seconds(30))
  }

  /// Writes `text` to a fresh temporary file and returns its path.
  static func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ui-query-\(UUID().uuidString).xml")
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func printsOneJSONObjectPerMatch() async throws {
    let path = try Self.temporaryFile(SampleDumps.profile)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let buttons = try await Self.droidmatrix(["ui", "query", "--xml", path, "--class", "android.widget.Button"])
    #expect(buttons.status == 0)
    #expect(
      buttons.standardOutput == """
        {"text":"Follow","desc":"","id":"com.zhiliaoapp.musically:id/ihh","class":"android.widget.Button",\
        "bounds":[24,400,236,460],"clickable":true}
        {"text":"Message","desc":"","id":"","class":"android.widget.Button","bounds":[244,400,456,460],\
        "clickable":true}

        """)
    let count = try await Self.droidmatrix([
      "ui", "query", "--xml", path, "--text-matches", "[0-9]+", "--near-text", "Followers",
    ])
    #expect(count.standardOutput.hasPrefix(#"{"text":"48","#))
  }

  @Test func escapesTextAsJSON() async throws {
    let path = try Self.temporaryFile(
      #"<hierarchy><node text="say &quot;hi&quot;&#10;\ ok" clickable="true"/></hierarchy>"#)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try await Self.droidmatrix(["ui", "query", "--xml", path, "--clickable"])
    #expect(
      result.standardOutput
        == #"{"text":"say \"hi\"\n\\ ok","desc":"","id":"","class":"","bounds":[0,0,0,0],"clickable":true}"# + "\n")
    let parsed = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    #expect(parsed?["text"] as? String == "say \"hi\"\n\\ ok")
  }

  @Test func reportsNoMatchMalformedXMLAndBadFlags() async throws {
    let path = try Self.temporaryFile("<hierarchy><node text=\"a\"")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let malformed = try await Self.droidmatrix(["ui", "query", "--xml", path])
    #expect(malformed.status == 1)
    #expect(malformed.standardError.hasPrefix("droidmatrix: malformed hierarchy XML at byte 25"))
    let good = try Self.temporaryFile(SampleDumps.profile)
    defer { try? FileManager.default.removeItem(atPath: good) }
    let none = try await Self.droidmatrix(["ui", "query", "--xml", good, "--text", "nope"])
    #expect(none.status == 1 && none.standardOutput.isEmpty)
    let regex = try await Self.droidmatrix(["ui", "query", "--xml", good, "--desc-matches", "(["])
    #expect(regex.status == 64)
    #expect(regex.standardError.contains("--desc-matches: invalid regular expression"))
  }

  @Test(.enabled(if: SampleDumps.haveRealDumps, "the real dumps are not at ../shared/fixtures/tiktok-real"))
  func findsTheLikeButtonInARealDump() async throws {
    let path = SampleDumps.realDumpsFolder.appendingPathComponent("icangarip_android-auto_foryou_feed.xml").path
    let result = try await Self.droidmatrix(["ui", "query", "--xml", path, "--desc-contains", "Like video"])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 1)
    let like = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(like?["desc"] as? String == "Like video. 480.1K likes")
    #expect(like?["class"] as? String == "android.widget.Button")
    #expect(like?["clickable"] as? Bool == true)
    #expect(like?["bounds"] as? [Int] == [888, 1203, 1080, 1383])
  }
}
