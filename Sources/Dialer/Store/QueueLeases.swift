import Foundation
import Persistence

/// Leases on a campaign's queue: a dialer claims due contacts (`FOR UPDATE SKIP LOCKED`, so
/// dialers never share one), renews its leases while it works, and gives back what it did
/// not dial. A lease that runs out, because its dialer died, returns the contact to the queue.
public struct QueueLeases: Sendable {
    public let campaignID: Int
    /// Who holds the leases: unique per dialer process and run.
    public let dialerID: String
    /// Wall-clock seconds a lease lasts without renewal.
    public let leaseSeconds: Double

    public init(campaignID: Int, dialerID: String, leaseSeconds: Double = 120) {
        self.campaignID = campaignID
        self.dialerID = dialerID
        self.leaseSeconds = leaseSeconds
    }

    /// Claims up to `limit` contacts that are due at the simulated moment `time`, inside the
    /// campaign's calling window in each contact's own time zone, with attempts left today and
    /// in all, and still eligible; the longest-waiting first.
    public func claim(limit: Int, at time: Date, on connection: Connection) throws -> [ClaimedContact] {
        try returnExpired(on: connection)
        let rows = try connection.query(
            """
            WITH picked AS (
                SELECT q.campaign_id, q.contact_id
                FROM queue_entries q
                JOIN contacts c ON c.id = q.contact_id
                JOIN campaigns cp ON cp.id = q.campaign_id
                WHERE q.campaign_id = \(campaignID) AND q.state = 'waiting' AND q.next_attempt_at <= \(time)
                  AND q.attempts < cp.max_attempts
                  AND extract(isodow FROM \(time) AT TIME ZONE c.time_zone)::smallint = ANY(cp.calling_days)
                  AND (\(time) AT TIME ZONE c.time_zone)::time >= cp.window_start
                  AND (\(time) AT TIME ZONE c.time_zone)::time < cp.window_end
                  AND (q.attempt_day IS DISTINCT FROM (\(time) AT TIME ZONE c.time_zone)::date
                       OR q.attempts_today < cp.max_attempts_per_day)
                  AND contact_is_eligible(q.contact_id, q.campaign_id, \(time))
                ORDER BY q.next_attempt_at, q.contact_id
                LIMIT \(limit)
                FOR UPDATE OF q SKIP LOCKED
            )
            UPDATE queue_entries q
            SET state = 'leased', leased_by = \(dialerID), lease_expires_at = now() + make_interval(secs => \(leaseSeconds))
            FROM picked p, contacts c
            WHERE q.campaign_id = p.campaign_id AND q.contact_id = p.contact_id AND c.id = q.contact_id
            RETURNING q.contact_id, q.attempts, c.time_zone, c.line_type = 'mobile', q.callback_agent_id, q.next_attempt_at
            """)
        return try rows.map { row in
            let (id, attempts, zone, mobile, callback, due) = try row.decode((Int, Int, String, Bool, Int?, Date).self)
            return ClaimedContact(contactID: id, attempts: attempts, timeZone: zone, isMobile: mobile, callbackAgentID: callback, dueAt: due)
        }
        .sorted { ($0.dueAt, $0.contactID) < ($1.dueAt, $1.contactID) }
    }

    /// Gives contacts back to the queue untouched, as if never claimed.
    public func release(_ contactIDs: [Int]) -> SQL {
        """
        UPDATE queue_entries SET state = 'waiting', leased_by = NULL, lease_expires_at = NULL
        WHERE campaign_id = \(campaignID) AND contact_id = ANY(\(contactIDs)) AND leased_by = \(dialerID)
        """
    }

    /// Extends every lease this dialer holds.
    public var renewal: SQL {
        """
        UPDATE queue_entries SET lease_expires_at = now() + make_interval(secs => \(leaseSeconds))
        WHERE campaign_id = \(campaignID) AND state = 'leased' AND leased_by = \(dialerID)
        """
    }

    /// Returns contacts whose lease ran out (their dialer stopped) to the queue.
    @discardableResult
    public func returnExpired(on connection: Connection) throws -> Int {
        try connection.execute(
            """
            UPDATE queue_entries SET state = 'waiting', leased_by = NULL, lease_expires_at = NULL
            WHERE campaign_id = \(campaignID) AND state = 'leased' AND lease_expires_at < now()
            """)
    }
}
