import ArgumentParser
import DeviceControl

/// `droidmatrix ui dump [-s SERIAL]`: prints the phone's current hierarchy XML, as
/// `adb exec-out uiautomator dump /dev/tty` would, retrying the dumps Android fails.
struct UIDumpCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "Print the phone's current UI hierarchy (uiautomator XML).",
    discussion: """
      Dumps through `uiautomator dump /dev/tty` (no stale file on the phone) and retries the \
      failures Android reports with exit status 0 ("could not get idle state", "null root node").
      """)

  @OptionGroup var target: DeviceOptions

  func run() async throws {
    let xml = try await Terminal.reportingErrors {
      try await target.withDevice { try await UIDevice($0).refresh().xml }
    }
    Terminal.write(xml.hasSuffix("\n") ? xml : xml + "\n")
  }
}

/// `droidmatrix ui tap [-s SERIAL] SELECTOR`: waits for the element and taps it.
struct UITapCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tap",
    abstract: "Wait for the element a selector finds, tap it, and print it as JSON.",
    discussion: """
      Taps the centre of the element's nearest clickable ancestor (or the element), as a finger \
      would. Example: droidmatrix ui tap -s SERIAL --desc-starts-with "Like video"
      """)

  @OptionGroup var target: DeviceOptions
  @OptionGroup var selection: SelectorOptions

  @Option(help: ArgumentHelp("Seconds to wait for the element.", valueName: "seconds"))
  var timeout: Double = 10

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  func run() async throws {
    let tapped = try await Terminal.reportingErrors {
      let selector = try selection.selector()
      return try await target.withDevice { device in
        try await UIDevice(device).tap(selector, timeout: .milliseconds(Int(timeout * 1000)))
      }
    }
    Terminal.write(ElementJSON.line(for: tapped))
  }
}
