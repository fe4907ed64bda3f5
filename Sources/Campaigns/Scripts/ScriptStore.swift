import Foundation
import Persistence

/// Versioned call scripts: saving a changed script adds a version; old versions stay, so a
/// campaign keeps the exact script it pinned.
public struct ScriptStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// A stored version of a script.
    public struct Version: Sendable, Hashable {
        public let id: Int
        public let version: Int
        public let script: CallScript
    }

    /// Validates and saves the script as its next version; an unchanged script keeps its version.
    public func save(_ script: CallScript) async throws -> Version {
        try script.validate()
        return try await database.transaction { try Self.save(script, on: $0) }
    }

    static func save(_ script: CallScript, on connection: Connection) throws -> Version {
        try connection.query("SELECT pg_advisory_xact_lock(hashtext(\(script.name)))")
        if let latest = try latest(name: script.name, on: connection), latest.script == script {
            return latest
        }
        let row = try connection.query(
            """
            INSERT INTO scripts (name, version, definition)
            SELECT \(script.name), coalesce(max(version), 0) + 1, \(try JSONB(script)) FROM scripts WHERE name = \(script.name)
            RETURNING id, version
            """
        ).single()
        let (id, version) = try row.decode((Int, Int).self)
        return Version(id: id, version: version, script: script)
    }

    public func latest(name: String) async throws -> Version? {
        try await database.withConnection { try Self.latest(name: name, on: $0) }
    }

    public func version(id: Int) async throws -> Version? {
        try await database.withConnection { try Self.version(id: id, on: $0) }
    }

    static func latest(name: String, on connection: Connection) throws -> Version? {
        try connection.query("SELECT id, version, definition FROM scripts WHERE name = \(name) ORDER BY version DESC LIMIT 1")
            .first.map(decode)
    }

    static func version(id: Int, on connection: Connection) throws -> Version? {
        try connection.query("SELECT id, version, definition FROM scripts WHERE id = \(id)").first.map(decode)
    }

    private static func decode(_ row: Row) throws -> Version {
        let (id, version, definition) = try row.decode((Int, Int, JSONB<CallScript>).self)
        return Version(id: id, version: version, script: definition.value)
    }
}
