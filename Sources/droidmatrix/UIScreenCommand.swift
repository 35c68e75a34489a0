import ArgumentParser
import DeviceControl
import Foundation
import TikTok

/// `droidmatrix ui screen (--xml FILE | -s SERIAL)`: names the TikTok screen a dump shows.
struct UIScreenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen",
    abstract: "Name the TikTok screen a hierarchy shows, as JSON: {\"screen\": NAME, \"score\": N, \"evidence\": […]}.",
    discussion: """
      Screens: \(TikTokScreen.allCases.map(\.rawValue).joined(separator: ", ")). Without --xml the \
      phone's current screen is read (-s, --direct or --usb choose the phone).
      """)

  @Option(help: ArgumentHelp("A hierarchy dump to read; - reads standard input.", valueName: "file"))
  var xml: String?

  @OptionGroup var target: DeviceOptions

  func run() async throws {
    let detection = try await Terminal.reportingErrors {
      let hierarchy =
        if let xml {
          try DumpOutput(stdout: try UIQueryCommand.read(xml)).hierarchy()
        } else {
          try await target.withDevice { try await UIDevice($0).hierarchy() }
        }
      return ScreenDetector.detect(hierarchy)
    }
    let evidence = detection.evidence.map(ElementJSON.quoted).joined(separator: ",")
    Terminal.write(
      "{\"screen\":\(ElementJSON.quoted(detection.screen.rawValue)),\"score\":\(detection.score),"
        + "\"evidence\":[\(evidence)]}\n")
  }
}
