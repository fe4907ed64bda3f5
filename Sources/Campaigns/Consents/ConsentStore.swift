import Foundation
import Persistence

/// Consent types, their versioned texts, and the ledger of grants and withdrawals.
public struct ConsentStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Defines a new consent type with the first version of its text.
    public func define(code: String, title: String, purpose: ConsentPurpose, text: String, actor: String) async throws -> ConsentType {
        try Self.validate(code: code)
        guard !text.isEmpty, !title.isEmpty else { throw ConsentError.untitled }
        return try await database.transaction { connection in
            let id: Int
            do {
                id = try connection.query(
                    "INSERT INTO consent_types (code, title, purpose) VALUES (\(code), \(title), \(purpose.rawValue)) RETURNING id"
                ).single().decode(Int.self, at: 0)
            } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
                throw ConsentError.codeTaken(code)
            }
            try connection.execute("INSERT INTO consent_texts (consent_type_id, version, body) VALUES (\(id), 1, \(text))")
            try ActivityLog.record(actor: actor, action: "consent_type.define", subject: "consent_type:\(code)", on: connection)
            return ConsentType(id: id, code: code, title: title, purpose: purpose, version: 1, text: text)
        }
    }

    /// Records a new text for a consent type; grants from now on refer to the new version.
    /// The same text again changes nothing.
    public func revise(code: String, text: String, actor: String) async throws -> ConsentType {
        guard !text.isEmpty else { throw ConsentError.emptyText }
        return try await database.transaction { connection in
            guard let current = try Self.find(code: code, on: connection) else { throw NotFound(.consentType, code) }
            guard current.text != text else { return current }
            try connection.execute(
                "INSERT INTO consent_texts (consent_type_id, version, body) VALUES (\(current.id), \(current.version + 1), \(text))")
            try ActivityLog.record(
                actor: actor, action: "consent_type.revise", subject: "consent_type:\(code)",
                details: ["version": "\(current.version + 1)"], on: connection)
            return ConsentType(
                id: current.id, code: code, title: current.title, purpose: current.purpose, version: current.version + 1, text: text)
        }
    }

    public func all() async throws -> [ConsentType] {
        try await database.withConnection { try Self.all(on: $0) }
    }

    static func all(on connection: Connection) throws -> [ConsentType] {
        try connection.query(Self.selectTypes + " ORDER BY t.code").map(Self.decodeType)
    }

    public func find(code: String) async throws -> ConsentType? {
        try await database.withConnection { try Self.find(code: code, on: $0) }
    }

    static func find(code: String, on connection: Connection) throws -> ConsentType? {
        try connection.query(Self.selectTypes + " WHERE t.code = \(code)").first.map(Self.decodeType)
    }

    /// Appends grants or withdrawals to the ledger. A withdrawal takes effect at once: the
    /// contact leaves the queue of every campaign that needs that consent.
    public static func record(_ entries: [ConsentEntry], on connection: Connection) throws {
        for entry in entries {
            guard let type = try find(code: entry.consentCode, on: connection) else {
                throw NotFound(.consentType, entry.consentCode)
            }
            do {
                try connection.execute(
                    """
                    INSERT INTO consents (contact_id, consent_type_id, version, granted, channel, proof, recorded_by, recorded_at, expires_at)
                    VALUES (\(entry.contactID), \(type.id), \(entry.version), \(entry.granted), \(entry.channel.rawValue),
                            \(try JSONB(entry.proof)), \(entry.recordedBy), \(entry.recordedAt), \(entry.expiresAt))
                    """)
            } catch let error as DatabaseError where error.sqlState == .foreignKeyViolation && error.constraint == "consents_contact_id_fkey" {
                throw NotFound(.contact, entry.contactID)
            }
            if !entry.granted {
                try CampaignQueue.removeIneligible(contactID: entry.contactID, consentTypeID: type.id, on: connection)
            }
        }
    }

    /// Records entries made by hand or through the API, with an activity-log line each.
    public func record(_ entries: [ConsentEntry]) async throws {
        try await database.transaction { connection in
            try Self.record(entries, on: connection)
            for entry in entries {
                try ActivityLog.record(
                    actor: entry.recordedBy, action: entry.granted ? "consent.grant" : "consent.withdraw",
                    subject: "contact:\(entry.contactID)", details: ["consent": entry.consentCode, "channel": entry.channel.rawValue],
                    on: connection)
            }
        }
    }

    /// The whole ledger of one contact, oldest first.
    public func history(contactID: Int) async throws -> [ConsentEntry] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT l.contact_id, t.code, l.version, l.granted, l.channel, l.proof, l.recorded_by, l.recorded_at, l.expires_at
                FROM consents l JOIN consent_types t ON t.id = l.consent_type_id
                WHERE l.contact_id = \(contactID)
                ORDER BY l.recorded_at, l.id
                """
            ).map { row in
                let (contact, code, version, granted, channel, proof, by, at, expires) = try row.decode(
                    (Int, String, Int, Bool, ConsentChannel, JSONB<[String: String]>, String, Date, Date?).self)
                return ConsentEntry(
                    contactID: contact, consentCode: code, version: version, granted: granted,
                    channel: channel, proof: proof.value, recordedBy: by,
                    recordedAt: at, expiresAt: expires)
            }
        }
    }

    static func validate(code: String) throws {
        let allowed = code.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        guard allowed, let first = code.utf8.first, (97...122).contains(first), code.count <= 63 else {
            throw ConsentError.malformedCode(code)
        }
    }

    private static let selectTypes: SQL = """
        SELECT t.id, t.code, t.title, t.purpose, v.version, v.body
        FROM consent_types t
        JOIN LATERAL (SELECT version, body FROM consent_texts WHERE consent_type_id = t.id ORDER BY version DESC LIMIT 1) v ON true
        """

    private static func decodeType(_ row: Row) throws -> ConsentType {
        let (id, code, title, purpose, version, text) = try row.decode((Int, String, String, ConsentPurpose, Int, String).self)
        return ConsentType(id: id, code: code, title: title, purpose: purpose, version: version, text: text)
    }
}
