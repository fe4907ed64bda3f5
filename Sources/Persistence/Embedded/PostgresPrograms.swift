import Foundation

/// Where the installed PostgreSQL programs are: on PATH, or (as on a stock Debian) only under
/// `/usr/lib/postgresql/<version>/bin`, newest version first.
public struct PostgresPrograms: Sendable {
    let initdb: String
    let pgCtl: String

    static func locate() throws(EmbeddedClusterError) -> PostgresPrograms {
        guard let initdb = path(of: "initdb"), let pgCtl = path(of: "pg_ctl") else { throw .serverNotInstalled }
        return PostgresPrograms(initdb: initdb, pgCtl: pgCtl)
    }

    /// The installed program of that name (`initdb`, `pgbench`, …), or nil.
    public static func path(of program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var folders = path.split(separator: ":").map(String.init)
        let versioned = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        folders += versioned.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        return folders.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
