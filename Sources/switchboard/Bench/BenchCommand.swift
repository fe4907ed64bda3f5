import ArgumentParser

/// `switchboard bench …`: the measurements behind BENCHMARKS.md, each beside a reference
/// measured on the same server in the same run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput and memory against references on the same server (build with -c release).",
        subcommands: [ImportBench.self, DialBench.self, PacingBench.self, StreamBench.self])
}
