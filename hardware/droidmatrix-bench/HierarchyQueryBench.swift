import ArgumentParser
import ChildProcess
import DeviceControl
import Foundation

/// `droidmatrix-bench hierarchy-query`: parse a UI dump and run 100 selector queries on it, with
/// DeviceControl and with Python's lxml XPath (what uiautomator2's client uses), side by side.
struct HierarchyQueryBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hierarchy-query",
    abstract: "Median parse + 100 queries on a UI dump: DeviceControl selectors vs Python lxml XPath.",
    discussion: """
      Without --xml it reads the largest dump in ../shared/fixtures/tiktok-real. Both sides read \
      the file's bytes, parse them and run the same ten queries ten times each, per run; \
      selectors and XPath expressions are compiled once, before timing. The match counts of \
      each pair are compared, so the queries are known to be equivalent.
      lxml is measured when `python3 -c "import lxml"` works (pip install lxml).
      Example: swift run -c release droidmatrix-bench hierarchy-query --runs 200
      """
  )

  @Option(help: "A hierarchy dump (default: the largest real TikTok dump in the shared fixtures).")
  var xml: String?

  @Option(help: "Timed runs per client, each a parse and 100 queries.")
  var runs = 100

  @Option(help: "Where to write the JSON report.")
  var json: String?

  /// Untimed runs first, so both sides have their code and caches warm.
  static let warmUpRuns = 5
  /// Queries per run: the pairs, repeated.
  static let queriesPerRun = 100

  func validate() throws {
    guard runs > 0 else { throw ValidationError("--runs must be positive") }
  }

  func run() async throws {
    let path = try xml ?? Self.largestFixture()
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let pairs = try QueryPair.all()
    var rows = [try measureLibrary(bytes, pairs: pairs)]
    if let row = try await measureLXML(path: path, pairs: pairs) {
      rows.append(row)
      for (pair, (ours, theirs)) in zip(pairs, zip(rows[0].counts, row.counts)) where ours != theirs {
        print("warning: \(pair.selector) matched \(ours), \(pair.xpath) matched \(theirs)")
      }
    }
    print(QueryRow.table(rows, file: path, bytes: bytes.count, runs: runs))
    if let json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      try encoder.encode(rows).write(to: URL(fileURLWithPath: json))
    }
  }

  private func measureLibrary(_ bytes: [UInt8], pairs: [QueryPair]) throws -> QueryRow {
    var row = QueryRow(client: "DeviceControl (UIHierarchy + UISelector)")
    for run in 0..<(Self.warmUpRuns + runs) {
      let start = ContinuousClock.now
      let screen = try UIHierarchy(parsing: bytes)
      let parsed = ContinuousClock.now
      var counts: [Int] = []
      for query in 0..<Self.queriesPerRun {
        counts.append(screen.elements(matching: pairs[query % pairs.count].selector).count)
      }
      let queried = ContinuousClock.now
      guard run >= Self.warmUpRuns else { continue }
      row.parse.append(milliseconds(parsed - start))
      row.queries.append(milliseconds(queried - parsed))
      row.nodes = screen.nodes.count
      row.counts = Array(counts.prefix(pairs.count))
    }
    return row
  }

  private func measureLXML(path: String, pairs: [QueryPair]) async throws -> QueryRow? {
    let check = try await ChildProcess.run("/usr/bin/env", ["python3", "-c", "import lxml"])
    guard check.status == 0 else {
      print("lxml is not installed; skipping it (pip install lxml, or apt-get install python3-lxml)")
      return nil
    }
    let expressions = String(decoding: try JSONEncoder().encode(pairs.map(\.xpath)), as: UTF8.self)
    let arguments = [path, String(Self.warmUpRuns), String(runs), String(Self.queriesPerRun), expressions]
    let result = try await ChildProcess.run(
      "/usr/bin/env", ["python3", "-c", Self.lxmlScript] + arguments, timeout: .seconds(600))
    guard result.status == 0, let report = try? JSONDecoder().decode(LXMLReport.self, from: result.stdout) else {
      throw BenchFailure("lxml failed: \(result.standardError)")
    }
    var row = QueryRow(client: "Python lxml \(report.version) XPath")
    row.parse = report.parse
    row.queries = report.queries
    row.nodes = report.nodes
    row.counts = report.counts
    return row
  }

  /// The same work in Python: read the bytes, `etree.fromstring`, run compiled XPaths.
  static let lxmlScript = """
    import json, sys, time
    import lxml
    from lxml import etree
    path, warm, runs, per_run = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    ns = {"re": "http://exslt.org/regular-expressions"}
    xpaths = [etree.XPath(e, namespaces=ns) for e in json.loads(sys.argv[5])]
    data = open(path, "rb").read()
    parse, queries = [], []
    for run in range(warm + runs):
        start = time.perf_counter()
        root = etree.fromstring(data)
        parsed = time.perf_counter()
        counts = [len(xpaths[q % len(xpaths)](root)) for q in range(per_run)]
        queried = time.perf_counter()
        if run >= warm:
            parse.append((parsed - start) * 1000)
            queries.append((queried - parsed) * 1000)
    nodes = sum(1 for e in root.iter() if e.get("class") not in (None, "hierarchy"))
    print(json.dumps({"version": lxml.__version__, "parse": parse, "queries": queries,
                      "nodes": nodes, "counts": counts[:len(xpaths)]}))
    """

  /// The default dump: the largest file in `../shared/fixtures/tiktok-real` beside the package.
  static func largestFixture() throws -> String {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("../shared/fixtures/tiktok-real").standardizedFileURL
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let sized = names.filter { $0.hasSuffix(".xml") }.compactMap { name -> (String, Int)? in
      let path = folder.appendingPathComponent(name).path
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
      return size.map { (path, $0) }
    }
    guard let largest = sized.max(by: { $0.1 < $1.1 }) else {
      throw ValidationError("no dumps in \(folder.path); pass --xml FILE")
    }
    return largest.0
  }

  private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
  }
}

/// What the Python side prints.
private struct LXMLReport: Decodable {
  var version: String
  var parse: [Double]
  var queries: [Double]
  var nodes: Int
  var counts: [Int]
}
