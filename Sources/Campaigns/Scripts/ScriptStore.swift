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
    public func save(_ script: CallScript, actor: String) async throws -> Version {
        try script.validate()
        return try await database.transaction { connection in
            let version = try Self.save(script, on: connection)
            try ActivityLog.record(
                actor: actor, action: "script.save", subject: "script:\(version.id)", details: ["version": "\(version.version)"],
                on: connection)
            return version
        }
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

    /// Each script's name and latest version.
    public func all() async throws -> [(name: String, version: Int)] {
        try await database.query("SELECT name, max(version) FROM scripts GROUP BY name ORDER BY name")
            .decode((String, Int).self).map { (name: $0.0, version: $0.1) }
    }

    /// A given version of a script, by name.
    public func version(name: String, version: Int) async throws -> Version? {
        try await database.query("SELECT id, version, definition FROM scripts WHERE name = \(name) AND version = \(version)")
            .first.map(Self.decode)
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
