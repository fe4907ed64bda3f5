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

    static let cluster = EmbeddedCluster(folder: folder + "/pg", throwaway: true, logger: testLogger)

    /// Starts the cluster and returns the URL of its maintenance database, where the template
    /// and the tests' databases are made.
    static func start() async throws -> String {
        try await cluster.start()
        return try cluster.url(database: "postgres")
    }

    /// Stops every server under `folder` at once, synchronously (this runs at process exit),
    /// and deletes the folder.
    static func stopAndRemove(folder: String = folder) {
        let pidFiles = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix("postmaster.pid") } ?? []
        for pidFile in pidFiles {
            let data = (folder + "/" + pidFile as NSString).deletingLastPathComponent
            EmbeddedCluster(folder: data, throwaway: true, logger: testLogger).stopImmediately()
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
}
