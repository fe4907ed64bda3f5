import Foundation
import Persistence

/// Numbers never to be called, kept as the keyed hash of the E.164 number: fed by hand and
/// by people who object during a call (GDPR art. 21). A listed number leaves every queue.
public struct DoNotCallList: Sendable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        case objection, manual, regulator
    }

    let database: Database
    let vault: Vault

    public init(_ database: Database, vault: Vault) {
        self.database = database
        self.vault = vault
    }

    /// Lists a number; its contacts leave every queue at once.
    public func add(phone e164: String, reason: Reason, note: String? = nil, actor: String) async throws {
        let hash = vault.phoneHash(e164)
        try await database.transaction { connection in
            try Self.add(hashes: [hash], reason: reason, addedBy: actor, on: connection)
            try ActivityLog.record(actor: actor, action: "dnc.add", details: ["reason": reason.rawValue], on: connection)
            if let note { _ = try connection.execute("UPDATE do_not_call SET note = \(note) WHERE phone_hash = \(hash)") }
        }
    }

    /// Lists a stored contact's number.
    public func add(contactID: Int, reason: Reason, actor: String) async throws {
        try await database.transaction { connection in
            guard let hash = try connection.query("SELECT phone_hash FROM contacts WHERE id = \(contactID)").first?
                .decode(Data?.self, at: 0)
            else { throw NotFound(.contact, contactID) }
            try Self.add(hashes: [hash], reason: reason, addedBy: actor, on: connection)
            try ActivityLog.record(
                actor: actor, action: "dnc.add", subject: "contact:\(contactID)", details: ["reason": reason.rawValue], on: connection)
        }
    }

    public func contains(phone e164: String) async throws -> Bool {
        try await database.query("SELECT count(*) FROM do_not_call WHERE phone_hash = \(vault.phoneHash(e164))")
            .single().decode(Int.self, at: 0) > 0
    }

    public func count() async throws -> Int {
        try await database.query("SELECT count(*) FROM do_not_call").single().decode(Int.self, at: 0)
    }

    /// Adds the hashes and takes their contacts out of every queue.
    static func add(hashes: [Data], reason: Reason, addedBy: String, on connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO do_not_call (phone_hash, reason, added_by)
            SELECT h, \(reason.rawValue), \(addedBy) FROM unnest(\(hashes)) AS h
            ON CONFLICT (phone_hash) DO NOTHING
            """)
        try connection.execute(
            """
            UPDATE queue_entries SET state = 'removed', leased_by = NULL, lease_expires_at = NULL
            WHERE state IN ('waiting', 'leased')
              AND contact_id IN (SELECT id FROM contacts WHERE phone_hash = ANY(\(hashes)))
            """)
    }
}
