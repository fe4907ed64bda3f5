import Foundation

/// Where the installed PostgreSQL server programs are: on PATH, or (as on a stock Debian)
/// only under `/usr/lib/postgresql/<version>/bin`.
struct PostgresPrograms: Sendable {
    let initdb: String
    let pgCtl: String

    static func locate() throws(EmbeddedClusterError) -> PostgresPrograms {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var folders = path.split(separator: ":").map(String.init)
        let versioned = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        folders += versioned.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in folders {
            let initdb = folder + "/initdb", pgCtl = folder + "/pg_ctl"
            if FileManager.default.isExecutableFile(atPath: initdb), FileManager.default.isExecutableFile(atPath: pgCtl) {
                return PostgresPrograms(initdb: initdb, pgCtl: pgCtl)
            }
        }
        throw .serverNotInstalled
    }
}
