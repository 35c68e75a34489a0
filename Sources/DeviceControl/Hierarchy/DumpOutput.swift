/// Why `uiautomator dump` gave no hierarchy. Every kind is worth a retry; see each for how.
public enum DumpFailureKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// `ERROR: could not get idle state.`: the screen never went quiet (video, animations). Pause
  /// the video (tap the centre) or open a sheet, then retry.
  case idleTimeout
  /// `ERROR: null root node returned by UiTestAutomationBridge.`: no active window (mid
  /// transition, screen off or locked). Wake the screen, back off 1–4 s, retry.
  case nullRoot
  /// `IllegalStateException: UiAutomationService … already registered!`: another UiAutomation
  /// client (uiautomator2, Appium, a second dump) holds the bridge.
  case busy
  /// `Killed` or exit status 137: the dump was killed (out of memory, watchdog).
  case killed
  /// Nothing (or only the "dumped to" line) came back.
  case empty
  /// A non-zero exit status with output that is none of the above.
  case other

  /// The kind's name, as in error messages: `idleTimeout`, `nullRoot`, ….
  public var description: String { rawValue }
}

/// The stdout of `uiautomator dump /dev/tty` (through `adb exec-out` or a shell), classified:
/// a hierarchy, a known failure, or malformed XML.
///
/// Android prints the XML, then `UI hierchary dumped to: /dev/tty` (the typo is Android's) on
/// success. Failures usually exit 0 too, so the text decides:
///
/// ```swift
/// do {
///   let screen = try DumpOutput(stdout: output.stdout, exitStatus: output.status).hierarchy()
/// } catch let error where error.dumpFailureKind == .idleTimeout {
///   // pause the video and retry
/// }
/// ```
public struct DumpOutput: Sendable {
  /// The line uiautomator prints after a dump, before the file name.
  public static let confirmationPrefix = "UI hierchary dumped to:"
  /// 128 + SIGKILL (9): how a shell reports a command killed by the kernel or a watchdog.
  static let killedExitStatus: Int32 = 137
  /// The most output kept in an error message.
  static let maximumQuotedBytes = 300

  /// What the command printed on stdout (with `exec-out`, stderr is mixed in).
  public var stdout: [UInt8]
  /// The command's exit status, when known (shell v2 reports it; shell v1 does not).
  public var exitStatus: Int32?

  /// Wraps one dump's output.
  public init(stdout: some Sequence<UInt8>, exitStatus: Int32? = nil) {
    self.stdout = Array(stdout)
    self.exitStatus = exitStatus
  }

  /// Wraps one dump's output given as text.
  public init(_ stdout: String, exitStatus: Int32? = nil) {
    self.init(stdout: stdout.utf8, exitStatus: exitStatus)
  }

  /// The known failure the output reports, nil when it reports none.
  public var failureKind: DumpFailureKind? {
    let text = String(decoding: stdout, as: UTF8.self)
    if text.contains("could not get idle state") { return .idleTimeout }
    if text.contains("null root node returned by UiTestAutomationBridge") { return .nullRoot }
    if text.contains("already registered") && (text.contains("IllegalStateException") || text.contains("UiAutomation"))
    {
      return .busy
    }
    // The shell reports a SIGKILLed child as "Killed" alone or inside "sh: PID Killed COMMAND".
    let lines = text.split(whereSeparator: \.isNewline)
    if exitStatus == Self.killedExitStatus || lines.contains(where: { $0.split(separator: " ").contains("Killed") }) {
      return .killed
    }
    if xmlBytes.allSatisfy(\.isXMLWhitespace) { return .empty }
    return nil
  }

  /// The XML part: stdout without the trailing confirmation line and without anything printed
  /// before the document starts (a warning line, for example).
  public var xmlBytes: ArraySlice<UInt8> {
    var end = stdout.endIndex
    if let confirmation = stdout.ranges(of: Array(Self.confirmationPrefix.utf8)).last { end = confirmation.lowerBound }
    var start = stdout.startIndex
    if let declaration = stdout[..<end].firstRange(of: Array("<?xml".utf8))
      ?? stdout[..<end].firstRange(of: Array("<hierarchy".utf8))
    {
      start = declaration.lowerBound
    }
    return stdout[start..<end]
  }

  /// The hierarchy the output holds.
  ///
  /// A complete document wins: an element whose text happens to read "Killed" cannot turn a
  /// good dump into a failure. Otherwise a reported failure is recognised before the XML's own
  /// errors, so a retry can be aimed.
  /// - Throws: ``DeviceControlError`` with code ``DeviceControlError/Code/dumpFailed`` and a
  ///   ``DeviceControlError/dumpFailureKind`` for a reported failure, empty output, or a failing
  ///   exit status; ``DeviceControlError/Code/malformedHierarchy`` when the command succeeded
  ///   but the XML is broken (including a document without nodes). The raw output is kept in
  ///   ``DeviceControlError/lastHierarchyXML``.
  public func hierarchy() throws(DeviceControlError) -> UIHierarchy {
    let xml = xmlBytes
    var parseError: DeviceControlError?
    if !xml.allSatisfy(\.isXMLWhitespace) {
      do {
        return try UIHierarchy(parsing: xml)
      } catch {
        parseError = error
      }
    }
    let raw = String(decoding: stdout, as: UTF8.self)
    if let kind = failureKind ?? (exitStatus.map { $0 != 0 } == true ? .other : nil) {
      throw DeviceControlError(.dumpFailed, failureMessage(kind), lastHierarchyXML: raw, dumpFailureKind: kind)
    }
    guard var parseError else {
      throw DeviceControlError(.dumpFailed, failureMessage(.empty), lastHierarchyXML: raw, dumpFailureKind: .empty)
    }
    parseError.lastHierarchyXML = raw
    throw parseError
  }

  private func failureMessage(_ kind: DumpFailureKind) -> String {
    let status = exitStatus.map { " (exit status \($0))" } ?? ""
    let text = String(decoding: stdout, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: " | ")
    let quoted = text.utf8.count > Self.maximumQuotedBytes ? String(text.prefix(Self.maximumQuotedBytes)) + "…" : text
    switch kind {
    case .empty: return "uiautomator dump printed nothing\(status)"
    default: return "uiautomator dump failed (\(kind))\(status): \(quoted)"
    }
  }
}

extension UInt8 {
  fileprivate var isXMLWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var text = self
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}
