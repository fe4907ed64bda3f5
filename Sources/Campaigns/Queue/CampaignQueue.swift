import Foundation
import Persistence

/// A campaign's queue of contacts to call, kept in step with the eligibility rule
/// (`contact_is_eligible` in the schema: the one place that rule is written).
public struct CampaignQueue: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// What a refill changed.
    public struct Refill: Sendable, Hashable {
        /// Eligible contacts that entered the queue (or came back to it).
        public let added: Int
        /// Queued contacts that are no longer eligible and left it.
        public let removed: Int
    }

    /// Brings the queue in line with the rule at `date`: eligible contacts enter, contacts
    /// that stopped being eligible leave (those in a call now leave when the call ends).
    @discardableResult
    public func refill(campaignID: Int, at date: Date = Date()) async throws -> Refill {
        try await database.transaction { try Self.refill(campaignID: campaignID, at: date, on: $0) }
    }

    static func refill(campaignID: Int, at date: Date, on connection: Connection) throws -> Refill {
        let removed = try connection.execute(
            """
            UPDATE queue_entries SET state = 'removed'
            WHERE campaign_id = \(campaignID) AND state = 'waiting' AND NOT contact_is_eligible(contact_id, campaign_id, \(date))
            """)
        let added = try connection.execute(
            """
            INSERT INTO queue_entries (campaign_id, contact_id)
            SELECT \(campaignID), c.id FROM contacts c
            WHERE c.erased_at IS NULL AND contact_is_eligible(c.id, \(campaignID), \(date))
            ON CONFLICT (campaign_id, contact_id) DO UPDATE SET state = 'waiting'
            WHERE queue_entries.state = 'removed'
            """)
        // A queue that grew by thousands needs fresh statistics before the dialer's first
        // claim, or the planner may scan instead of following the queue's index.
        if added > 1_000 { try connection.execute("ANALYZE queue_entries") }
        return Refill(added: added, removed: removed)
    }

    /// Takes a contact out of the queue of every campaign that requires the consent type, at
    /// once (a withdrawal). A contact in a call now is finished by that call's dialer.
    static func removeIneligible(contactID: Int, consentTypeID: Int, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE queue_entries SET state = 'removed'
            WHERE contact_id = \(contactID) AND state IN ('waiting', 'leased')
              AND campaign_id IN (SELECT campaign_id FROM campaign_required_consents WHERE consent_type_id = \(consentTypeID))
            """)
    }

    /// How many contacts wait in the queue, and how many are finished.
    public func counts(campaignID: Int) async throws -> [String: Int] {
        let rows = try await database.query(
            "SELECT state, count(*) FROM queue_entries WHERE campaign_id = \(campaignID) GROUP BY state")
        return Dictionary(uniqueKeysWithValues: try rows.decode((String, Int).self))
    }
}
