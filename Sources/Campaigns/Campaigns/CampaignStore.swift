import Foundation
import Persistence

/// Campaigns: created, read, changed through legal status moves.
public struct CampaignStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Stores a new campaign (in draft unless `campaign.status` says otherwise) with its
    /// required consents; the `id` of the argument is ignored.
    public func create(_ campaign: Campaign, actor: String) async throws -> Campaign {
        try campaign.validate()
        return try await database.transaction { connection in
            let stored = try Self.create(campaign, on: connection)
            try RecordingRule.check(stored, on: connection)
            try ActivityLog.record(actor: actor, action: "campaign.create", subject: "campaign:\(stored.id)", on: connection)
            return stored
        }
    }

    static func create(_ campaign: Campaign, on connection: Connection) throws -> Campaign {
        let id: Int
        do {
            id = try connection.query(
                """
                INSERT INTO campaigns (name, goal, script_id, status, dial_mode, abandon_limit, max_attempts, max_attempts_per_day,
                                       window_start, window_end, calling_days, recording, retry_policy, dial_settings)
                VALUES (\(campaign.name), \(campaign.goal), \(campaign.scriptID), \(campaign.status.rawValue),
                        \(campaign.dialMode.rawValue), \(campaign.abandonLimit), \(Int32(campaign.maxAttempts)),
                        \(Int32(campaign.maxAttemptsPerDay)), make_interval(mins => \(Int32(campaign.window.startMinute)))::time,
                        make_interval(mins => \(Int32(campaign.window.endMinute)))::time,
                        \(campaign.window.days.sorted().map { Int16($0) }), \(campaign.recording),
                        \(try JSONB(campaign.retryPolicy)), \(try JSONB(campaign.dialSettings)))
                RETURNING id
                """
            ).single().decode(Int.self, at: 0)
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw CampaignError.nameTaken(campaign.name)
        }
        let linked = try connection.execute(
            """
            INSERT INTO campaign_required_consents (campaign_id, consent_type_id)
            SELECT \(id), id FROM consent_types WHERE code = ANY(\(campaign.requiredConsents))
            """)
        guard linked == Set(campaign.requiredConsents).count else {
            let known = try connection.query("SELECT code FROM consent_types WHERE code = ANY(\(campaign.requiredConsents))")
                .column(String.self)
            let missing = Set(campaign.requiredConsents).subtracting(known).sorted().joined(separator: ", ")
            throw NotFound(.consentType, missing)
        }
        var stored = campaign
        stored.id = id
        stored.requiredConsents = Array(Set(campaign.requiredConsents)).sorted()
        return stored
    }

    public func find(name: String) async throws -> Campaign? {
        try await database.withConnection { try Self.find(.name(name), on: $0) }
    }

    public func find(id: Int) async throws -> Campaign? {
        try await database.withConnection { try Self.find(.id(id), on: $0) }
    }

    /// The campaign of that name, or an error that names it.
    public func named(_ name: String) async throws -> Campaign {
        guard let campaign = try await find(name: name) else { throw NotFound(.campaign, name) }
        return campaign
    }

    public func all() async throws -> [Campaign] {
        try await database.withConnection { connection in
            try connection.query(Self.select + " ORDER BY c.name").map(Self.decode)
        }
    }

    /// Moves the campaign to another status, if that move is legal.
    @discardableResult
    public func setStatus(_ status: CampaignStatus, of name: String, actor: String) async throws -> Campaign {
        try await database.transaction { connection in
            guard let campaign = try Self.find(.name(name), on: connection, lock: true) else {
                throw NotFound(.campaign, name)
            }
            let next = try campaign.status.moving(to: status)
            try connection.execute("UPDATE campaigns SET status = \(next.rawValue) WHERE id = \(campaign.id)")
            try ActivityLog.record(
                actor: actor, action: "campaign.status", subject: "campaign:\(campaign.id)",
                details: ["from": campaign.status.rawValue, "to": next.rawValue], on: connection)
            var changed = campaign
            changed.status = next
            return changed
        }
    }

    enum Key { case id(Int), name(String) }

    static func find(_ key: Key, on connection: Connection, lock: Bool = false) throws -> Campaign? {
        let condition: SQL =
            switch key {
            case .id(let id): " WHERE c.id = \(id)"
            case .name(let name): " WHERE c.name = \(name)"
            }
        return try connection.query(select + condition + (lock ? " FOR UPDATE OF c" : "")).first.map(decode)
    }

    private static let select: SQL = """
        SELECT c.id, c.name, c.goal, c.script_id, c.status, c.dial_mode, c.abandon_limit, c.max_attempts, c.max_attempts_per_day,
               (extract(epoch FROM c.window_start) / 60)::int, (extract(epoch FROM c.window_end) / 60)::int,
               c.calling_days::int8[], c.recording, c.retry_policy, c.dial_settings,
               ARRAY(SELECT t.code FROM campaign_required_consents r JOIN consent_types t ON t.id = r.consent_type_id
                     WHERE r.campaign_id = c.id ORDER BY t.code)
        FROM campaigns c
        """

    private static func decode(_ row: Row) throws -> Campaign {
        let (id, name, goal, scriptID, status, mode, limit, attempts, perDay) = try row.decode(
            (Int, String, String, Int?, CampaignStatus, DialMode, Double, Int, Int).self)
        let start = try row.decode(Int.self, at: 9)
        let end = try row.decode(Int.self, at: 10)
        let days = try row.decode([Int].self, at: 11)
        let recording = try row.decode(Bool.self, at: 12)
        let retry = try row.decode(JSONB<RetryPolicy>.self, at: 13).value
        let dialing = try row.decode(JSONB<DialSettings>.self, at: 14).value
        let consents = try row.decode([String].self, at: 15)
        return Campaign(
            id: id, name: name, goal: goal, scriptID: scriptID, status: status,
            dialMode: mode, abandonLimit: limit, maxAttempts: attempts,
            maxAttemptsPerDay: perDay, window: CallingWindow(startMinute: start, endMinute: end, days: Set(days)),
            recording: recording, retryPolicy: retry, dialSettings: dialing, requiredConsents: consents)
    }
}
