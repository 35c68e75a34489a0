import ArgumentParser

/// `droidmatrix-bench`: measures phones (real ones on a rack, or virtual ones) and the project
/// itself. Run it in release mode: `swift run -c release droidmatrix-bench …`.
@main
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "droidmatrix-bench",
    abstract: "Measure ADB throughput and latency against real or virtual phones.",
    subcommands: [
      AdbTransferBench.self, ShellLatencyBench.self, HierarchyQueryBench.self, TaskEngineBench.self,
    ]
  )
}
