import Foundation
import Persistence

/// Erasure requests: filed by anyone who speaks with the person, decided by a supervisor
/// other than the one who filed it. A pending request takes the contact out of every queue at
/// once; an undone or rejected one lets it back in; a confirmed one destroys the person's data
/// (`ErasureStore+Confirm.swift`).
public struct ErasureStore: Sendable {
    /// A request as the supervisors' queue shows it.
    public struct Entry: Sendable, Hashable, Codable {
        public let request: ErasureRequest
        /// The person's name, while their data exists.
        public let contactName: String?
        /// Why, in the words of the one who filed it; gone with the person's data.
        public let reason: String?
        /// The display name of the member who filed it, when a member did.
        public let requestedByName: String?
        public let decidedByName: String?
        /// The supervisor's answer to a rejected request.
        public let decisionNote: String?
        /// When the contact's data last changed, and from where.
        public let lastChangeAt: Date?
        public let lastChangeOrigin: String?
        public let report: ErasureReport?
    }

    let database: Database
    let vault: Vault
    let register: ErasureRegister?

    public init(_ database: Database, vault: Vault, register: ErasureRegister?) {
        self.database = database
        self.vault = vault
        self.register = register
    }

    /// Files a request for the contact; the contact leaves every queue at once.
    @discardableResult
    public func request(contactID: Int, reason: String, actor: String, at now: Date = Date()) async throws -> ErasureRequest {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ErasureError.noReason }
        let vault = self.vault
        return try await database.transaction { connection in
            let sealed = try Self.sealedContact(contactID, on: connection)
            if let pending = try connection.query(
                "SELECT id FROM erasure_requests WHERE contact_id = \(contactID) AND status = 'pending'"
            ).first?.decode(Int.self, at: 0) {
                throw ErasureError.alreadyPending(contactID: contactID, requestID: pending)
            }
            let id = try connection.query(
                """
                INSERT INTO erasure_requests (contact_id, requested_at, requested_by, reason_sealed)
                VALUES (\(contactID), \(now), \(actor), \(try vault.seal(note: reason, keyOf: sealed))) RETURNING id
                """
            ).single().decode(Int.self, at: 0)
            let left = try connection.execute(
                "UPDATE queue_entries SET state = 'removed' WHERE contact_id = \(contactID) AND state IN ('waiting', 'leased')")
            try ActivityLog.record(
                actor: actor, action: "erasure.request", subject: "erasure:\(id)",
                details: ["contact": "\(contactID)", "queues_left": "\(left)"], on: connection)
            return ErasureRequest(id: id, contactID: contactID, requestedAt: now, requestedBy: actor)
        }
    }

    /// The requests in `status` (every request when nil), oldest first.
    public func list(status: ErasureRequest.Status? = .pending) async throws -> [Entry] {
        let vault = self.vault
        return try await database.withConnection { connection in
            try connection.query(Self.select + " WHERE \(status)::text IS NULL OR e.status = \(status) ORDER BY e.requested_at, e.id")
                .map { try Self.entry($0, vault: vault) }
        }
    }

    /// One request, or an error that names it.
    public func find(id: Int) async throws -> Entry {
        let vault = self.vault
        return try await database.withConnection { connection in
            guard let row = try connection.query(Self.select + " WHERE e.id = \(id)").first else { throw NotFound(.erasureRequest, id) }
            return try Self.entry(row, vault: vault)
        }
    }

    /// Undoes, confirms or rejects a request, as `actor` holding `roles`. A confirmation
    /// destroys the person's data and notes the contact in the erasure register; `note` is a
    /// rejection's answer (sealed under the contact's key).
    @discardableResult
    public func decide(
        _ id: Int, _ decision: ErasureRequest.Decision, note: String? = nil, by actor: String, roles: [Role], at now: Date = Date()
    ) async throws -> Entry {
        let vault = self.vault
        let (request, files) = try await database.transaction { connection -> (ErasureRequest, [String]) in
            guard let row = try connection.query(Self.select + " WHERE e.id = \(id) FOR UPDATE OF e").first else {
                throw NotFound(.erasureRequest, id)
            }
            var request = try Self.entry(row, vault: vault).request
            let action = try request.decide(decision, by: actor, roles: roles, at: now)
            let noteBox = try note.flatMap { text in
                try Self.sealedContactIfPresent(request.contactID, on: connection).map { try vault.seal(note: text, keyOf: $0) }
            }
            try connection.execute(
                """
                UPDATE erasure_requests SET status = \(request.status), decided_at = \(now), decided_by = \(actor), decision_sealed = \(noteBox)
                WHERE id = \(id)
                """)
            var files: [String] = []
            switch action {
            case .erase:
                let (report, deleted) = try Self.destroy(contactID: request.contactID, at: now, on: connection)
                files = deleted
                try connection.execute(
                    "UPDATE erasure_requests SET report = \(try JSONB(report)), reason_sealed = NULL, decision_sealed = NULL WHERE id = \(id)")
            case .returnToQueues:
                try connection.execute(
                    """
                    UPDATE queue_entries SET state = 'waiting'
                    WHERE contact_id = \(request.contactID) AND state = 'removed' AND contact_is_eligible(contact_id, campaign_id, \(now))
                    """)
            }
            try ActivityLog.record(
                actor: actor, action: "erasure.\(decision.rawValue)", subject: "erasure:\(id)",
                details: ["contact": "\(request.contactID)", "requested_by": request.requestedBy], on: connection)
            return (request, files)
        }
        if request.status == .confirmed {
            try register?.note(contactID: request.contactID, requestID: id, at: now)
            try await deleteFiles(files, request: id)
        }
        return try await find(id: id)
    }

    // MARK: rows

    static let select: SQL = """
        SELECT e.id, e.contact_id, e.status, e.requested_at, e.requested_by, e.decided_at, e.decided_by,
               e.reason_sealed, e.decision_sealed, e.report, c.sealed, c.wrapped_key,
               rs.display_name, ds.display_name,
               (SELECT max(changed_at) FROM contact_changes WHERE contact_id = e.contact_id),
               (SELECT origin FROM contact_changes WHERE contact_id = e.contact_id ORDER BY changed_at DESC, id DESC LIMIT 1)
        FROM erasure_requests e
        JOIN contacts c ON c.id = e.contact_id
        LEFT JOIN staff rs ON e.requested_by = 'staff:' || rs.login
        LEFT JOIN staff ds ON e.decided_by = 'staff:' || ds.login
        """

    static func entry(_ row: Row, vault: Vault) throws -> Entry {
        let (id, contact, status, requestedAt, requestedBy, decidedAt, decidedBy) = try row.decode(
            (Int, Int, ErasureRequest.Status, Date, String, Date?, String?).self)
        let reasonBox = try row.decode(Data?.self, at: 7), decisionBox = try row.decode(Data?.self, at: 8)
        let report = try row.decode(JSONB<ErasureReport>?.self, at: 9)?.value
        let box = try row.decode(Data?.self, at: 10), key = try row.decode(Data?.self, at: 11)
        let sealed = box.flatMap { box in key.map { Vault.Sealed(box: box, wrappedKey: $0) } }
        return Entry(
            request: ErasureRequest(
                id: id, contactID: contact, status: status, requestedAt: requestedAt, requestedBy: requestedBy, decidedAt: decidedAt,
                decidedBy: decidedBy),
            contactName: try sealed.map { try vault.open($0).fullName },
            reason: try sealed.flatMap { contact in try reasonBox.map { try vault.open(note: $0, keyOf: contact) } },
            requestedByName: try row.decode(String?.self, at: 12), decidedByName: try row.decode(String?.self, at: 13),
            decisionNote: try sealed.flatMap { contact in try decisionBox.map { try vault.open(note: $0, keyOf: contact) } },
            lastChangeAt: try row.decode(Date?.self, at: 14), lastChangeOrigin: try row.decode(String?.self, at: 15), report: report)
    }

    /// The contact's sealed data; the contact must exist and not be erased.
    static func sealedContact(_ contactID: Int, on connection: Connection) throws -> Vault.Sealed {
        guard try connection.query("SELECT FROM contacts WHERE id = \(contactID)").first != nil else { throw NotFound(.contact, contactID) }
        guard let sealed = try sealedContactIfPresent(contactID, on: connection) else { throw ErasureError.alreadyErased(contactID: contactID) }
        return sealed
    }

    static func sealedContactIfPresent(_ contactID: Int, on connection: Connection) throws -> Vault.Sealed? {
        guard let row = try connection.query("SELECT sealed, wrapped_key FROM contacts WHERE id = \(contactID)").first else { return nil }
        let (box, key) = try row.decode((Data?, Data?).self)
        guard let box, let key else { return nil }
        return Vault.Sealed(box: box, wrappedKey: key)
    }
}
