import Campaigns
import Foundation
import Persistence

/// A database of its own on the same server for a benchmark, migrated, dropped afterwards,
/// so a benchmark never touches the user's data.
struct BenchDatabase {
    let database: Database
    let configuration: DatabaseConfiguration
    /// The bench database's URL, for outside tools such as pgbench.
    let url: String
    private let maintenance: Database
    private let name: SQLIdentifier

    static func create(_ options: GlobalOptions, maxConnections: Int = 8) async throws -> BenchDatabase {
        let logger = options.logger
        let url = try await options.databaseLocation.connect()
        let maintenance = Database(DatabaseConfiguration(url: url, maxConnections: 1), logger: logger)
        let name = SQLIdentifier(validating: "switchboard_bench_\(getpid())")!
        try await maintenance.execute("DROP DATABASE IF EXISTS \(name)")
        try await maintenance.execute("CREATE DATABASE \(name)")
        var configuration = DatabaseConfiguration(url: url, maxConnections: maxConnections).with(databaseName: name.name)
        configuration.applicationName = "switchboard-bench"
        let database = Database(configuration, logger: logger)
        try await Schema.migrator().migrate(database)
        return BenchDatabase(
            database: database, configuration: configuration, url: Self.url(url, database: name.name), maintenance: maintenance, name: name)
    }

    /// Runs `body` with a bench database, dropped afterwards whatever happens.
    static func with<T>(_ options: GlobalOptions, maxConnections: Int = 8, _ body: (BenchDatabase) async throws -> T) async throws -> T {
        let bench = try await create(options, maxConnections: maxConnections)
        do {
            let value = try await body(bench)
            await bench.drop()
            return value
        } catch {
            await bench.drop()
            throw error
        }
    }

    /// The same server's URL naming another database: the path after the host.
    static func url(_ url: String, database: String) -> String {
        guard let scheme = url.range(of: "://") else { return url + " dbname=\(database)" }
        let rest = url[scheme.upperBound...]
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        let pathEnd = rest[pathStart...].firstIndex(of: "?") ?? rest.endIndex
        return String(url[..<pathStart]) + "/" + database + String(rest[pathEnd...])
    }

    func drop() async {
        database.close()
        _ = try? await maintenance.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        maintenance.close()
    }

    /// The server's version and durability settings, for the report.
    func serverDescription() async throws -> String {
        let row = try await database.query(
            "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers')"
        ).single()
        let (version, fsync, synchronous, buffers) = try row.decode((String, String, String, String).self)
        return "PostgreSQL \(version), fsync \(fsync), synchronous_commit \(synchronous), shared_buffers \(buffers)"
    }
}

/// Process measurements for benchmarks.
enum ProcessMeasure {
    /// The most resident memory the process has used so far, in MiB.
    static var peakResidentMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The resident memory now, in MiB.
    static var residentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }

    /// CPU seconds the process has used, user and system.
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func time<T>(_ work: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try await work()
        let elapsed = ContinuousClock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
