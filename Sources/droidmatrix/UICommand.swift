import ArgumentParser
import DeviceControl
import Foundation

/// `droidmatrix ui …`: read the screen's accessibility hierarchy and find elements in it.
struct UICommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ui",
    abstract: "Read a phone's screen, find elements in it, and tap them.",
    subcommands: [UIDumpCommand.self, UIQueryCommand.self, UITapCommand.self, UIScreenCommand.self]
  )
}

/// `droidmatrix ui query (--xml FILE | -s SERIAL) [selector flags]`: prints each element the
/// selector matches as one JSON object per line.
struct UIQueryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query",
    abstract: "Print the elements of a hierarchy dump that match a selector, one JSON object per line.",
    discussion: """
      Reads `uiautomator dump` XML or Appium page source (a saved `uiautomator dump /dev/tty` \
      output, with its "dumped to" line, works too). Flags combine: every one must hold. Each \
      line has the keys text, desc, id, class, bounds ([x1,y1,x2,y2], x2/y2 exclusive) and \
      clickable. Exit status 1 when nothing matches.
      Without --xml the phone's current screen is read (-s, --direct or --usb choose the phone).
      Example: droidmatrix ui query --xml feed.xml --desc-contains "Like video" --clickable
      """)

  @Option(help: ArgumentHelp("A hierarchy dump to read; - reads standard input.", valueName: "file"))
  var xml: String?

  @OptionGroup var target: DeviceOptions
  @OptionGroup var selection: SelectorOptions

  func run() async throws {
    let matches = try await Terminal.reportingErrors {
      let selector = try selection.selector()
      let hierarchy =
        if let xml {
          try DumpOutput(stdout: try Self.read(xml)).hierarchy()
        } else {
          try await target.withDevice { try await UIDevice($0).hierarchy() }
        }
      return hierarchy.elements(matching: selector)
    }
    for element in matches { Terminal.write(ElementJSON.line(for: element)) }
    if matches.isEmpty { throw ExitCode.failure }
  }

  /// The bytes of `path`, or of standard input for `-`.
  static func read(_ path: String) throws -> Data {
    if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
    guard let data = FileManager.default.contents(atPath: path) else { throw UnreadableFile(path: path) }
    return data
  }
}

/// A `--xml` file that cannot be read: reported as one line, exit status 1.
struct UnreadableFile: Error, CustomStringConvertible {
  var path: String
  var description: String { "cannot read \(path.debugDescription)" }
}

/// One element as a line of JSON, keys in a fixed order.
enum ElementJSON {
  static func line(for element: UIElement) -> String {
    let bounds = element.bounds
    let fields = [
      "\"text\":\(quoted(element.text))", "\"desc\":\(quoted(element.contentDescription))",
      "\"id\":\(quoted(element.resourceID))", "\"class\":\(quoted(element.className))",
      "\"bounds\":[\(bounds.x1),\(bounds.y1),\(bounds.x2),\(bounds.y2)]", "\"clickable\":\(element.clickable)",
    ]
    return "{" + fields.joined(separator: ",") + "}\n"
  }

  /// `text` as a JSON string (RFC 8259 §7: quote, backslash and control characters escaped).
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
