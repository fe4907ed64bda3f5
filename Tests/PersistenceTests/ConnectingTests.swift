import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Connection failures say what is wrong and what to do")
struct ConnectingTests {
    @Test("nobody listening at the address")
    func hostUnreachable() async throws {
        let database = Database(DatabaseConfiguration(url: "postgresql://nobody@127.0.0.1:1/switchboard"), logger: testLogger)
        defer { database.close() }
        let error = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(error?.kind == .hostUnreachable)
        #expect(error?.description.contains("127.0.0.1") == true)
        #expect(error?.description.contains("DATABASE_URL") == true)
    }

    @Test("a URL that is not a connection string is refused, not taken for a database name")
    func notAURL() async throws {
        let database = Database(DatabaseConfiguration(url: "localhost/switchboard"), logger: testLogger)
        defer { database.close() }
        let error = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(error?.kind == .connectionFailed)
        #expect(error?.description.contains("postgresql://") == true)
        #expect(DatabaseConfiguration(url: "postgres://u@h/d").isConnectionString)
        #expect(DatabaseConfiguration(url: "host=/tmp dbname=x").isConnectionString)
    }

    @Test("a database that does not exist")
    func databaseMissing() async throws {
        let server = try await TestDatabase.serverConfiguration()
        let database = Database(server.with(databaseName: "no_such_database_here"), logger: testLogger)
        defer { database.close() }
        let error = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(error?.kind == .databaseMissing)
        #expect(error?.description.contains("no_such_database_here") == true)
    }

    @Test("a wrong password over TCP")
    func authenticationFailed() async throws {
        let server = Database(try await TestDatabase.serverConfiguration(), logger: testLogger)
        defer { server.close() }
        let port = try await server.query("SELECT setting FROM pg_settings WHERE name = 'port'").single().decode(String.self, at: 0)
        try await server.execute("DROP ROLE IF EXISTS switchboard_test_login")
        try await server.execute("CREATE ROLE switchboard_test_login LOGIN PASSWORD 'right-one'")
        let hba = try await server.query(
            "SELECT count(*) FROM pg_hba_file_rules WHERE type = 'host' AND auth_method IN ('scram-sha-256', 'md5', 'password')"
        ).single().decode(Int.self, at: 0)
        try #require(hba > 0, "the test server must ask TCP clients for a password")
        let url = "postgresql://switchboard_test_login:wrong-one@127.0.0.1:\(port)/postgres"
        let database = Database(DatabaseConfiguration(url: url), logger: testLogger)
        defer { database.close() }
        let error = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(error?.kind == .authenticationFailed)
        #expect(DatabaseConfiguration(url: url).redactedURL.contains("wrong-one") == false)
        try await server.execute("DROP ROLE switchboard_test_login")
    }
}
