import ADB
import DeviceControl
import Foundation

extension TikTokSession {
  /// Where pushed media goes on the phone: a DCIM album, which gallery pickers list.
  public static let mediaFolder = "/sdcard/DCIM/DroidMatrix"

  /// Pushes local files to the phone's DCIM album and announces each with a media-scan
  /// broadcast, so that the app's gallery lists them (newest first).
  /// - Returns: the phone paths, in order.
  public func pushMedia(_ localPaths: [String]) async throws -> [String] {
    var remotePaths: [String] = []
    for path in localPaths {
      let remote = "\(Self.mediaFolder)/\(URL(fileURLWithPath: path).lastPathComponent)"
      await log("pushing \(path) to \(remote)")
      try await run("push \(path)") {
        _ = try await ui.device.push(path, to: remote)
        try await ui.shell("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE -d 'file://\(remote)'")
      }
      remotePaths.append(remote)
    }
    return remotePaths
  }

  /// In a gallery picker: picks the `count` newest items (several through "Select multiple"),
  /// then Next when the picker has one.
  func pickNewestMedia(count: Int) async throws {
    let item = try UISelector.description(matching: #"(Video|Photo) [0-9]+.*"#)
    try await waitFor(item, "media in the gallery")
    if count > 1 { try await tap(.text("Select multiple"), "Select multiple") }
    let items = try await run("list the gallery") { try await ui.findAll(item) }
    guard items.count >= count else {
      throw TikTokError(.controlNotFound, "the gallery shows \(items.count) items, \(count) needed", screen: .gallery)
    }
    for element in items.prefix(count) {
      try await tap(.description(element.contentDescription), element.contentDescription)
    }
    // A single pick may open the next screen by itself; a multiple one waits for Next.
    if try await ui.find(.text("Recents")) != nil, try await ui.find(.text("Next")) != nil {
      try await tap(.text("Next"), "Next")
    }
  }
}
