import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Errors carry SQLSTATE, message, detail and constraint")
struct ErrorTests {
    private func makeTables(_ database: Database) async throws {
        try await database.withConnection { connection in
            try connection.execute("CREATE TABLE sources (id bigint PRIMARY KEY)")
            try connection.execute(
                """
                CREATE TABLE people (
                    id bigint PRIMARY KEY,
                    phone text NOT NULL CONSTRAINT people_phone_key UNIQUE,
                    age integer CONSTRAINT people_age_check CHECK (age >= 0),
                    source_id bigint CONSTRAINT people_source_fkey REFERENCES sources
                )
                """)
            try connection.execute("INSERT INTO people (id, phone) VALUES (1, '+48601000001')")
        }
    }

    @Test("constraint violations")
    func constraints() async throws {
        try await TestDatabase.withFresh { database in
            try await makeTables(database)
            let unique = await #expect(throws: DatabaseError.self) {
                try await database.execute("INSERT INTO people (id, phone) VALUES (2, \("+48601000001"))")
            }
            #expect(unique?.sqlState == .uniqueViolation)
            #expect(unique?.constraint == "people_phone_key")
            #expect(unique?.table == "people")
            #expect(unique?.detail?.contains("already exists") == true)
            #expect(unique?.isRetryable == false)
            // The duplicate value is in the detail, never in what gets logged.
            #expect(unique?.description.contains("+48601000001") == false)
            #expect(String(reflecting: unique!).contains("+48601000001"))

            let check = await #expect(throws: DatabaseError.self) {
                try await database.execute("INSERT INTO people (id, phone, age) VALUES (3, 'x', \(Int32(-1)))")
            }
            #expect(check?.sqlState == .checkViolation)
            #expect(check?.constraint == "people_age_check")

            let foreign = await #expect(throws: DatabaseError.self) {
                try await database.execute("INSERT INTO people (id, phone, source_id) VALUES (4, 'y', \(99))")
            }
            #expect(foreign?.sqlState == .foreignKeyViolation)
            #expect(foreign?.constraint == "people_source_fkey")

            let notNull = await #expect(throws: DatabaseError.self) {
                try await database.execute("INSERT INTO people (id) VALUES (5)")
            }
            #expect(notNull?.sqlState == .notNullViolation)
            #expect(notNull?.column == "phone")

            let syntax = await #expect(throws: DatabaseError.self) { try await database.execute("SELEC 1") }
            #expect(syntax?.sqlState == .syntaxError)
            #expect(syntax?.kind == .server)
        }
    }

    @Test("a data exception keeps the bad input out of the description")
    func dataException() async throws {
        try await TestDatabase.withFresh { database in
            let error = await #expect(throws: DatabaseError.self) {
                try await database.query("SELECT \("Jan Kowalski")::integer")
            }
            #expect(error?.sqlState == .invalidTextRepresentation)
            #expect(error?.description.contains("Kowalski") == false)
            #expect(error?.message.contains("Kowalski") == true)
        }
    }

    @Test("a failed statement leaves the connection usable")
    func recovery() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            _ = try? await database.execute("SELECT 1/0")
            let one = try await database.query("SELECT 1").single().decode(Int.self, at: 0)
            #expect(one == 1)
        }
    }
}
