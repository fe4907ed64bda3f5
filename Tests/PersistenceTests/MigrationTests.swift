import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Migrations apply once, in order, each in its own transaction, under a lock")
struct MigrationTests {
    static let first = Migration(version: 1, name: "people", sql: "CREATE TABLE people (id bigint PRIMARY KEY);")
    static let second = Migration(
        version: 2, name: "phones",
        sql: """
            ALTER TABLE people ADD COLUMN phone text;
            CREATE INDEX people_phone ON people (phone);
            """)

    /// A database without the product's schema: the test's own, emptied.
    private func withEmptyDatabase(_ body: (Database) async throws -> Void) async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("DROP SCHEMA public CASCADE")
            try await database.execute("CREATE SCHEMA public")
            try await body(database)
        }
    }

    @Test("migrating twice applies everything the first time and nothing the second")
    func idempotent() async throws {
        try await withEmptyDatabase { database in
            let migrator = try Migrator(migrations: [Self.second, Self.first])
            #expect(try await migrator.migrate(database).map(\.version) == [1, 2])
            #expect(try await migrator.migrate(database).isEmpty)
            #expect(try await Migrator.appliedVersions(database) == [1, 2])
            try await database.execute("INSERT INTO people (id, phone) VALUES (1, 'x')")
        }
    }

    @Test("a failing migration is rolled back and not recorded; earlier ones stay")
    func failing() async throws {
        try await withEmptyDatabase { database in
            let broken = Migration(version: 2, name: "broken", sql: "CREATE TABLE half (id int); SELECT * FROM missing;")
            let error = await #expect(throws: MigrationError.self) {
                try await Migrator(migrations: [Self.first, broken]).migrate(database)
            }
            #expect(error?.description.contains("migration 2 (broken) failed") == true)
            #expect(try await Migrator.appliedVersions(database) == [1])
            let half = try await database.query("SELECT to_regclass('half') IS NULL").single().decode(Bool.self, at: 0)
            #expect(half)
        }
    }

    @Test("a migration edited after it was applied is refused")
    func edited() async throws {
        try await withEmptyDatabase { database in
            try await Migrator(migrations: [Self.first]).migrate(database)
            let changed = Migration(version: 1, name: "people", sql: "CREATE TABLE people (id text);")
            let error = await #expect(throws: MigrationError.self) {
                try await Migrator(migrations: [changed]).migrate(database)
            }
            #expect(error?.description.contains("was changed after it was applied") == true)
        }
    }

    @Test("processes migrating at once apply each migration exactly once")
    func concurrent() async throws {
        try await withEmptyDatabase { database in
            let migrator = try Migrator(migrations: [Self.first, Self.second])
            let applied = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await migrator.migrate(database).count } }
                return try await group.reduce(0, +)
            }
            #expect(applied == 2)
        }
    }

    @Test("duplicate numbers and bad file names are refused")
    func validation() throws {
        #expect(throws: MigrationError.self) { try Migrator(migrations: [Self.first, Self.first]) }
        #expect(throws: MigrationError.self) { try Migration(fileName: "add_people.sql", sql: "") }
        let parsed = try Migration(fileName: "012_call_scripts.sql", sql: "SELECT 1;")
        #expect(parsed.version == 12)
        #expect(parsed.name == "call scripts")
    }

    @Test("a folder's NNN_name.sql files are the migrations, in order; a missing folder says which")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "CREATE TABLE b (id int);".write(to: folder.appending(path: "002_second_table.sql"), atomically: true, encoding: .utf8)
        try "CREATE TABLE a (id int);".write(to: folder.appending(path: "001_first_table.sql"), atomically: true, encoding: .utf8)
        try "not a migration".write(to: folder.appending(path: "README.md"), atomically: true, encoding: .utf8)
        let migrator = try Migrator(folder: folder)
        #expect(migrator.migrations.map(\.version) == [1, 2])
        #expect(migrator.migrations.map(\.name) == ["first table", "second table"])
        #expect(throws: MigrationError.self) { try Migrator(folder: folder.appending(path: "absent")) }
    }
}
