import ADB

/// What `push` and `pull` print: a progress bar on a terminal, and a one-line summary
/// (`2 files pushed, 3145728 bytes in 0.120 s (25.0 MB/s)`).
enum TransferReport {
  /// Columns of the bar between the brackets.
  static let barWidth = 30

  /// A progress callback drawing a bar on stdout when it is a terminal, else nil.
  static func progressBar() -> (@Sendable (TransferProgress) -> Void)? {
    guard Terminal.outputIsTerminal else { return nil }
    return { progress in Terminal.write("\r" + bar(progress) + "\u{1B}[K") }
  }

  /// One frame of the bar: `[#####-----]  42% 3/7 /sdcard/x.bin`.
  static func bar(_ progress: TransferProgress) -> String {
    let total = max(progress.overallTotalBytes, 1)
    let fraction = min(Double(progress.overallBytesTransferred) / Double(total), 1)
    let filled = Int(fraction * Double(barWidth))
    let percent = String(Int(fraction * 100))
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "] "
      + String(repeating: " ", count: 3 - percent.count) + percent + "% "
      + "\(progress.filesCompleted)/\(progress.fileCount) \(progress.remotePath)"
  }

  /// Adds up the summaries of several transfers (one per source).
  static func total(_ summaries: [TransferSummary]) -> TransferSummary {
    TransferSummary(
      files: summaries.reduce(0) { $0 + $1.files }, bytes: summaries.reduce(0) { $0 + $1.bytes },
      seconds: summaries.reduce(0) { $0 + $1.seconds })
  }

  /// `N files VERB, M bytes in S s (X MB/s)`, after clearing the bar on a terminal.
  static func printSummary(_ summary: TransferSummary, verb: String) {
    if Terminal.outputIsTerminal { Terminal.write("\r\u{1B}[K") }
    let files = summary.files == 1 ? "1 file" : "\(summary.files) files"
    Terminal.write(
      "\(files) \(verb), \(summary.bytes) bytes in \(fixed(summary.seconds, digits: 3)) s "
        + "(\(fixed(summary.megabytesPerSecond, digits: 1)) MB/s)\n")
  }

  /// `value` with `digits` decimals, rounded (no Foundation `String(format:)`).
  static func fixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((max(value, 0) * scale).rounded())
    let whole = scaled / Int(scale)
    guard digits > 0 else { return String(whole) }
    let fraction = String(scaled % Int(scale))
    return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
  }
}
