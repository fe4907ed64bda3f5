import Foundation
import Logging
import Persistence

#if canImport(Glibc)
import Glibc
#endif

/// The embedded cluster a test run starts when no `DATABASE_URL` is given, in
/// `$TMPDIR/switchboard-tests-<pid>`.
enum ThrowawayCluster {
    static let prefix = "switchboard-tests-"
    static let folder = FileManager.default.temporaryDirectory.appending(path: "\(prefix)\(getpid())").path

    static func start() async throws -> String {
        let cluster = EmbeddedCluster(folder: folder + "/pg", throwaway: true, logger: testLogger)
        let url = try await cluster.start()
        // The template's maintenance connections go to the `postgres` database.
        return url.replacingOccurrences(of: "///switchboard?", with: "///postgres?")
    }

    /// Stops every server under `folder` with pg_ctl, synchronously (this runs at process
    /// exit), and deletes the folder.
    static func stopAndRemove(folder: String = folder) {
        let pidFiles = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("postmaster.pid") } ?? []
        for pidFile in pidFiles {
            let data = (folder + "/" + pidFile as NSString).deletingLastPathComponent
            let user = geteuid() == 0 ? ["runuser", "-u", "postgres", "--"] : []
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = user + ["pg_ctl", "stop", "-D", data, "-m", "immediate", "-s"]
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = (environment["PATH"] ?? "") + ":" + postgresBinFolders.joined(separator: ":")
            process.environment = environment
            try? process.run()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Clusters of earlier runs that died before they could clean up.
    static func removeLeftovers() {
        let temporary = FileManager.default.temporaryDirectory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                stopAndRemove(folder: temporary + "/" + name)
            }
        }
    }

    private static var postgresBinFolders: [String] {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.map { "/usr/lib/postgresql/\($0)/bin" }
    }
}
