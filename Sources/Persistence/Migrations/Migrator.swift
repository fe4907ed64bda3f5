import Foundation
import Logging

/// Brings a database's schema up to date with the numbered migrations it is handed.
///
/// Each pending migration runs in its own transaction and is recorded in `schema_migrations`.
/// An advisory lock lets any number of processes migrate at once: one applies, the others
/// wait and then find nothing left to do.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    /// Every process that migrates takes this lock first.
    static let lockKey: Int = 0x5357_4254_4D49_4752  // "SWBTMIGR"

    public init(migrations: [Migration]) throws(MigrationError) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.version == later.version {
            throw .duplicateVersion(later.version)
        }
        self.migrations = sorted
    }

    /// The migrations in a folder: every `NNN_what_it_does.sql` file in it. The module that owns
    /// a schema ships the folder as a resource and hands it here.
    public init(folder: URL) throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw MigrationError.missingFolder(folder.path)
        }
        try self.init(
            migrations: files.filter { $0.hasSuffix(".sql") }.map { name in
                try Migration(fileName: name, sql: String(contentsOf: folder.appending(path: name), encoding: .utf8))
            })
    }

    /// Applies what is pending and returns it, in order; an empty list means all was in place.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [Migration] {
        let migrations = self.migrations
        let logger = database.logger
        return try await database.withConnection { connection in
            try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let applied = Dictionary(
                uniqueKeysWithValues: try connection.query("SELECT version, checksum FROM schema_migrations")
                    .decode((Int, String).self))
            var done: [Migration] = []
            for migration in migrations {
                if let checksum = applied[migration.version] {
                    guard checksum == migration.checksum else {
                        throw MigrationError.edited(version: migration.version, name: migration.name)
                    }
                    continue
                }
                do {
                    try connection.transaction { connection in
                        try connection.executeScript(migration.sql)
                        try connection.execute(
                            """
                            INSERT INTO schema_migrations (version, name, checksum)
                            VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                            """)
                    }
                } catch let error as DatabaseError {
                    throw MigrationError.failed(version: migration.version, name: migration.name, error)
                }
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                done.append(migration)
            }
            return done
        }
    }

    /// The versions already applied to the database, oldest first.
    public static func appliedVersions(_ database: Database) async throws -> [Int] {
        try await database.withConnection { connection in
            let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL").single()
                .decode(Bool.self, at: 0)
            guard exists else { return [] }
            return try connection.query("SELECT version FROM schema_migrations ORDER BY version").column(Int.self)
        }
    }
}
