import Foundation
import Testing

@testable import VirtualPhone

/// `vphone state` decoded: the contract the TikTok flows' tests read.
struct TikTokStateJSON: Decodable {
  struct Account: Decodable {
    struct Comment: Decodable, Equatable {
      var video: String
      var author: String
      var text: String
      var image: String?
    }
    struct Post: Decodable, Equatable {
      var title: String
      var description: String
      var caption: String
      var media: [String]
      var sound: String?
    }
    struct Message: Decodable, Equatable {
      var to: String
      var text: String
    }
    struct Profile: Decodable, Equatable {
      var nickname: String
      var bio: String
      var avatar: String?
    }
    struct Watch: Decodable, Equatable {
      var video: String
      var seconds: Int
    }
    var follows: [String]
    var likes: [String]
    var favorites: [String]
    var comments: [Comment]
    var posts: [Post]
    var messages: [Message]
    var profile: Profile
    var watched: [Watch]
    var searches: [String]
  }

  var package: String
  var version: String
  var currentAccount: String
  var accounts: [String: Account]
  var screen: String

  enum CodingKeys: String, CodingKey {
    case package, version, accounts, screen
    case currentAccount = "current_account"
  }

  /// The account in use.
  var current: Account { accounts[currentAccount]! }
}

/// A phone with TikTok in front: dumps instant, a manual clock the test moves.
struct TikTokPhone {
  let phone: VirtualPhone
  let clock: PhoneClock

  init(
    accounts: [String] = [], version: String = TikTok.defaultVersion, serial: String = "vphone1",
    popupChance: Double = 0, seed: UInt64 = 1, uploadDuration: Duration = .seconds(4), launch: Bool = true
  ) {
    clock = PhoneClock.manual()
    phone = VirtualPhone(
      configuration: .init(
        serial: serial, model: "Pixel 7", uiautomatorDump: .instant,
        apps: [
          .tiktok(
            version: version, accounts: accounts, popupChance: popupChance, seed: seed, uploadDuration: uploadDuration)
        ],
        clock: clock))
    if launch { #expect(sh("monkey -p \(TikTok.package) -c android.intent.category.LAUNCHER 1").exitStatus == 0) }
  }

  /// The app's engine.
  var engine: AppEngine { phone.system.appEngine(forPackage: TikTok.package)! }

  /// Runs a command line, expecting it to succeed.
  @discardableResult
  func sh(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> ShellResult {
    let result = phone.runShell(line)
    #expect(result.exitStatus == 0, "\(line): \(result.stderrText)", sourceLocation: sourceLocation)
    return result
  }

  /// A dump of the screen (which must be idle).
  func dump(sourceLocation: SourceLocation = #_sourceLocation) -> DumpedScreen {
    DumpedScreen(phone, sourceLocation: sourceLocation)
  }

  /// What `uiautomator dump /dev/tty` prints on standard error (empty when it dumped).
  var dumpError: String { phone.runShell("uiautomator dump /dev/tty").stderrText }

  /// `vphone state`, decoded.
  func state(sourceLocation: SourceLocation = #_sourceLocation) throws -> TikTokStateJSON {
    let output = sh("vphone state", sourceLocation: sourceLocation).stdoutText
    return try JSONDecoder().decode(TikTokStateJSON.self, from: Data(output.utf8))
  }

  /// Taps the centre of a node (failing the test when it is missing).
  func tap(_ node: DumpedScreen.Node?, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try phone.tap(node, sourceLocation: sourceLocation)
  }

  /// Taps the node with this text on the current screen.
  func tap(text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try tap(dump(sourceLocation: sourceLocation).node(text: text), sourceLocation: sourceLocation)
  }

  /// Taps the node with this content description on the current screen.
  func tap(description: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try tap(dump(sourceLocation: sourceLocation).node(description: description), sourceLocation: sourceLocation)
  }

  /// The middle of the feed's video, where a tap pauses or plays.
  var videoCentre: (x: Int, y: Int) {
    TikTokUI.areaAboveNavigation(AppLayout(width: 1080, height: 2400, density: 420)).center
  }

  /// Pauses the feed's video so the screen can be dumped.
  func pauseFeed() {
    sh("input tap \(videoCentre.x) \(videoCentre.y)")
  }

  /// Swipes up on the feed (from 75 % to 25 % of the height): the next video.
  func swipeUp() {
    sh("input swipe 540 1800 540 600 300")
  }

  /// Types text into the focused field (`input text`, spaces as `%s`).
  func type(_ text: String) {
    sh("input text '\(text.replacing(" ", with: "%s"))'")
  }

  /// Opens a deep link with `am start -a VIEW -d URL` (and the package unless told not to).
  func open(_ url: String, withPackage: Bool = true) {
    sh("am start -W -a android.intent.action.VIEW -d \(url)\(withPackage ? " \(TikTok.package)" : "")")
  }

  /// Writes a file on the phone (as `adb push` would) and announces it with a media-scan
  /// broadcast.
  func addMedia(_ path: String) {
    let directory = String(path[..<path.lastIndex(of: "/")!])
    sh("mkdir -p \(directory) && echo media > \(path)")
    sh("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d file://\(path)")
  }
}

extension DumpedScreen {
  /// The first node whose content description starts with `prefix`.
  func node(descriptionPrefix prefix: String) -> Node? { nodes.first { $0.contentDescription.hasPrefix(prefix) } }

  /// Every content description on screen, in document order.
  var descriptions: [String] { nodes.map(\.contentDescription).filter { !$0.isEmpty } }

  /// Whether some node has this text or content description.
  func has(_ label: String) -> Bool { nodes.contains { $0.text == label || $0.contentDescription == label } }
}
