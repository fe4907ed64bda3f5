import Foundation
import Prometheus
import Synchronization

/// The process's own CPU time, memory, open files and start time, read from `/proc/self` at
/// each scrape, under the names every Prometheus client library uses (`process_…`), so that
/// stock dashboards and alerts find them.
public final class ProcessMetrics: Sendable {
    private let cpu: Counter
    private let resident: Gauge
    private let virtual: Gauge
    private let openFiles: Gauge
    private let start: Gauge
    /// CPU seconds already added to the counter.
    private let counted = Mutex(0.0)

    public init(registry: PrometheusCollectorRegistry) {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "process", metricName: metric, unitName: unit, helpText: help)
        }
        cpu = registry.makeCounter(descriptor: name("cpu_seconds", "total", "User and system CPU time spent, in seconds."))
        resident = registry.makeGauge(descriptor: name("resident_memory", "bytes", "Resident memory size in bytes."))
        virtual = registry.makeGauge(descriptor: name("virtual_memory", "bytes", "Virtual memory size in bytes."))
        openFiles = registry.makeGauge(descriptor: name("open", "fds", "Open file descriptors."))
        start = registry.makeGauge(descriptor: name("start_time", "seconds", "Start time of the process since the Unix epoch, in seconds."))
    }

    /// Reads the figures now; a figure that cannot be read keeps its last value.
    public func update() {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let figures = StatFigures(stat)
        else { return }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        let seconds = figures.cpuTicks / ticks
        let added = counted.withLock { counted in
            defer { counted = max(counted, seconds) }
            return max(0, seconds - counted)
        }
        cpu.increment(by: added)
        resident.set(figures.residentPages * Double(sysconf(Int32(_SC_PAGESIZE))))
        virtual.set(figures.virtualBytes)
        if let files = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") { openFiles.set(Double(files.count)) }
        if let boot = Self.bootTime() { start.set(boot + figures.startTicks / ticks) }
    }

    /// The fields of `/proc/<pid>/stat` (proc(5)) that matter here.
    struct StatFigures {
        let cpuTicks: Double
        let startTicks: Double
        let virtualBytes: Double
        let residentPages: Double

        init?(_ stat: String) {
            // The command name may hold spaces; the fields after its closing parenthesis are
            // fixed: state is field 3, utime 14, stime 15, starttime 22, vsize 23, rss 24.
            guard let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ").map { Double($0) }
            guard fields.count > 21, let user = fields[11], let system = fields[12], let startTicks = fields[19],
                let virtualBytes = fields[20], let residentPages = fields[21]
            else { return nil }
            (cpuTicks, self.startTicks, self.virtualBytes, self.residentPages) = (user + system, startTicks, virtualBytes, residentPages)
        }
    }

    /// When the machine booted, from `/proc/stat`'s `btime`.
    private static func bootTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
        else { return nil }
        return Double(line.dropFirst(6))
    }
}
