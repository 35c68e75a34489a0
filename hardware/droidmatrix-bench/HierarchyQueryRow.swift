import DeviceControl
import Foundation

/// One query in both languages: a DeviceControl selector and the XPath 1.0 (with EXSLT regular
/// expressions) that matches the same elements in either dump format.
struct QueryPair {
  var selector: UISelector
  var xpath: String

  /// The ten queries of a run: the selector kinds TikTok automation uses, with hits on the feed,
  /// profile and Create screens.
  static func all() throws -> [QueryPair] {
    [
      QueryPair(
        selector: .description(startingWith: "Like video"), xpath: #"//*[starts-with(@content-desc,"Like video")]"#),
      QueryPair(selector: .text("Next"), xpath: #"//*[@text="Next"]"#),
      QueryPair(selector: .text(containing: "sound"), xpath: #"//*[contains(@text,"sound")]"#),
      QueryPair(
        selector: UISelector.className("android.widget.Button").clickable(),
        xpath: #"//*[@class="android.widget.Button" and @clickable="true"]"#),
      QueryPair(selector: .description(containing: "gallery"), xpath: #"//*[contains(@content-desc,"gallery")]"#),
      QueryPair(
        selector: UISelector.resourceID(containing: ":id/").className("android.widget.ImageView"),
        xpath: #"//*[contains(@resource-id,":id/") and @class="android.widget.ImageView"]"#),
      QueryPair(selector: .selected(), xpath: #"//*[@selected="true"]"#),
      QueryPair(
        selector: UISelector.clickable().child(.text("Recents")), xpath: #"//*[@clickable="true"]//*[@text="Recents"]"#),
      QueryPair(selector: UISelector.text("Select multiple").parent(), xpath: #"//*[@text="Select multiple"]/.."#),
      QueryPair(selector: try .text(matching: "[0-9]+[ms]"), xpath: #"//*[re:test(@text, "^[0-9]+[ms]$")]"#),
    ]
  }
}

/// One client's timings, in milliseconds per run.
struct QueryRow: Encodable {
  var client: String
  var parse: [Double] = []
  var queries: [Double] = []
  var nodes = 0
  /// Matches per query pair in the last run.
  var counts: [Int] = []

  enum CodingKeys: String, CodingKey {
    case client, runs, nodes, counts, parseMedianMilliseconds, queriesMedianMilliseconds, totalMedianMilliseconds
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(client, forKey: .client)
    try container.encode(parse.count, forKey: .runs)
    try container.encode(nodes, forKey: .nodes)
    try container.encode(counts, forKey: .counts)
    try container.encode(Self.median(parse), forKey: .parseMedianMilliseconds)
    try container.encode(Self.median(queries), forKey: .queriesMedianMilliseconds)
    try container.encode(totalMedian, forKey: .totalMedianMilliseconds)
  }

  /// The median of parse + queries, run by run.
  var totalMedian: Double { Self.median(zip(parse, queries).map(+)) }

  static func median(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  static func table(_ rows: [QueryRow], file: String, bytes: Int, runs: Int) -> String {
    let reference = rows.first?.totalMedian ?? 1
    let name = URL(fileURLWithPath: file).lastPathComponent
    var lines = [
      "\(name): \(bytes) bytes, \(rows.first?.nodes ?? 0) nodes; \(runs) runs of parse + "
        + "\(HierarchyQueryBench.queriesPerRun) queries", "",
      "| client | parse ms | 100 queries ms | total ms | total vs DeviceControl |", "|---|---|---|---|---|",
    ]
    for row in rows {
      lines.append(
        String(
          format: "| %@ | %.3f | %.3f | %.3f | %.2f× |", row.client, median(row.parse), median(row.queries),
          row.totalMedian, row.totalMedian / reference))
    }
    return lines.joined(separator: "\n")
  }
}
