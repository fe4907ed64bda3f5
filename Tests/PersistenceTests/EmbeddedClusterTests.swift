import Foundation
import Persistence
import TestSupport
import Testing

@Suite("The embedded cluster: created, started, reused, restarted, destroyed")
struct EmbeddedClusterTests {
    @Test("its whole life, and a pooled query that outlives a server restart")
    func lifecycle() async throws {
        let folder = TestDatabase.scratchFolder + "/lifecycle-\(UUID().uuidString.prefix(8))"
        let cluster = EmbeddedCluster(folder: folder + "/pg", throwaway: true, logger: testLogger)
        #expect(cluster.status() == .absent)
        #expect(throws: EmbeddedClusterError.self) { try cluster.url() }

        let url = try await cluster.start()
        guard case .running(let port) = cluster.status() else {
            Issue.record("not running after start")
            return
        }
        #expect(try await cluster.start() == url)  // a second start reuses the running server

        let database = Database(DatabaseConfiguration(url: url, maxConnections: 1), logger: testLogger)
        defer { database.close() }
        try await database.execute("CREATE TABLE survivors (id bigint)")
        try await database.execute("INSERT INTO survivors VALUES (1)")

        try await cluster.stop()
        #expect(cluster.status() == .stopped)
        let down = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(down?.kind == .hostUnreachable || down?.kind == .connectionLost)

        try await cluster.start()
        #expect(cluster.status() == .running(port: port))  // the port is kept while it stays free
        let count = try await database.query("SELECT count(*) FROM survivors").single().decode(Int.self, at: 0)
        #expect(count == 1)

        try await cluster.destroy()
        #expect(cluster.status() == .absent)
        #expect(!FileManager.default.fileExists(atPath: folder + "/pg"))
    }

    @Test("a folder that holds something else is refused, not overwritten")
    func foreignFolder() async throws {
        let folder = TestDatabase.scratchFolder + "/foreign-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep me".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = await #expect(throws: EmbeddedClusterError.self) {
            try await EmbeddedCluster(folder: folder, logger: testLogger).start()
        }
        #expect(error?.description.contains("not empty") == true)
        #expect(FileManager.default.fileExists(atPath: folder + "/notes.txt"))
    }
}
