import Campaigns
import Dispatch
import Foundation
import Persistence

/// Leases on a campaign's queue: a dialer claims due contacts (`FOR UPDATE SKIP LOCKED`, so
/// dialers never share one), renews its leases while it works, and gives back what it did
/// not dial. A lease that runs out, because its dialer died, returns the contact to the queue.
public struct QueueLeases: Sendable {
    public let campaign: Campaign
    /// Who holds the leases: unique per dialer process and run.
    public let dialerID: String
    /// Wall-clock seconds a lease lasts without renewal.
    public let leaseSeconds: Double
    public static let defaultLeaseSeconds: Double = 120
    let metrics: StoreMetrics

    public init(campaign: Campaign, dialerID: String, leaseSeconds: Double = defaultLeaseSeconds) {
        self.campaign = campaign
        self.dialerID = dialerID
        self.leaseSeconds = leaseSeconds
        metrics = StoreMetrics(campaign: campaign.name)
    }

    public var campaignID: Int { campaign.id }

    /// Claims up to `limit` contacts due at the simulated moment `time`, the longest-waiting
    /// first. Of the due contacts it locks, it leases those inside the calling window in
    /// their own time zone, with attempts left today and in all, and still eligible; the
    /// others it sorts out on the way: outside the window or out of attempts for today they
    /// move to the window's next opening, no longer eligible they leave the queue.
    ///
    /// Two short statements rather than one clever one: the first follows the queue's index
    /// in order, whatever the planner thinks of the other conditions.
    ///
    /// When every contact of a round is sorted out and none is leased, the next round looks
    /// further down the queue, so contacts due elsewhere on the globe never starve the dialer.
    @available(*, noasync, message: "blocks the thread")
    public func claim(limit: Int, at time: Date, in database: Database) throws -> [ClaimedContact] {
        let started = DispatchTime.now().uptimeNanoseconds
        _ = try database.withConnection { try returnExpired(on: $0) }
        let claimed = try database.transaction { connection in
            var round = (claimed: [ClaimedContact](), full: true)
            while round.claimed.isEmpty && round.full {
                round = try claimRound(limit: limit, at: time, on: connection)
            }
            return round.claimed
        }
        metrics.recordClaim(count: claimed.count, since: started)
        return claimed
    }

    /// One round of `claim`; `full` when it found `limit` due contacts, so more may wait.
    private func claimRound(limit: Int, at time: Date, on connection: Connection) throws -> (claimed: [ClaimedContact], full: Bool) {
        let candidates = try connection.query(
            """
            SELECT q.contact_id, q.attempts, q.attempts_today, coalesce(q.attempt_day::text, ''), q.callback_agent_id,
                   q.next_attempt_at, c.time_zone, c.line_type = 'mobile', contact_is_eligible(q.contact_id, q.campaign_id, \(time))
            FROM (SELECT contact_id FROM queue_entries
                  WHERE campaign_id = \(campaign.id) AND state = 'waiting' AND next_attempt_at <= \(time)
                  ORDER BY next_attempt_at, contact_id
                  LIMIT \(limit)
                  FOR UPDATE SKIP LOCKED) due
            JOIN queue_entries q ON q.campaign_id = \(campaign.id) AND q.contact_id = due.contact_id
            JOIN contacts c ON c.id = q.contact_id
            ORDER BY q.next_attempt_at, q.contact_id
            """
        ).decode((Int, Int, Int, String, Int?, Date, String, Bool, Bool).self)
        var claimed: [ClaimedContact] = []
        var later: [(contact: Int, due: Date)] = []
        var gone: [Int] = []
        for (id, attempts, attemptsToday, day, callback, due, zone, mobile, eligible) in candidates {
            let timeZone = TimeZone(identifier: zone) ?? .gmt
            let today = Self.localDay(time, in: timeZone)
            let usedToday = day == today ? attemptsToday : 0
            if !eligible || attempts >= campaign.maxAttempts {
                gone.append(id)
            } else if usedToday >= campaign.maxAttemptsPerDay {
                later.append((id, campaign.window.nextOpening(atOrAfter: Self.startOfNextDay(time, in: timeZone), in: timeZone)))
            } else if !campaign.window.contains(time, in: timeZone) {
                later.append((id, campaign.window.nextOpening(atOrAfter: time, in: timeZone)))
            } else {
                claimed.append(ClaimedContact(
                    contactID: id, attempts: attempts, attemptsToday: usedToday, timeZone: zone, isMobile: mobile,
                    callbackAgentID: callback, dueAt: due))
            }
        }
        try lease(claimed.map(\.contactID), on: connection)
        try reschedule(later, on: connection)
        if !gone.isEmpty {
            try connection.execute(
                """
                UPDATE queue_entries SET state = CASE WHEN attempts >= \(Int32(campaign.maxAttempts)) THEN 'done' ELSE 'removed' END
                WHERE campaign_id = \(campaign.id) AND contact_id = ANY(\(gone))
                """)
        }
        return (claimed, candidates.count == limit)
    }

    private func lease(_ contacts: [Int], on connection: Connection) throws {
        guard !contacts.isEmpty else { return }
        try connection.execute(
            """
            UPDATE queue_entries SET state = 'leased', leased_by = \(dialerID),
                lease_expires_at = now() + make_interval(secs => \(leaseSeconds))
            WHERE campaign_id = \(campaign.id) AND contact_id = ANY(\(contacts))
            """)
    }

    private func reschedule(_ contacts: [(contact: Int, due: Date)], on connection: Connection) throws {
        guard !contacts.isEmpty else { return }
        try connection.execute(
            """
            UPDATE queue_entries q SET next_attempt_at = u.due
            FROM unnest(\(contacts.map(\.contact)), \(contacts.map(\.due))) AS u(contact, due)
            WHERE q.campaign_id = \(campaign.id) AND q.contact_id = u.contact
            """)
    }

    /// Gives contacts back to the queue untouched, as if never claimed.
    public func release(_ contactIDs: [Int]) -> SQL {
        """
        UPDATE queue_entries SET state = 'waiting', leased_by = NULL, lease_expires_at = NULL
        WHERE campaign_id = \(campaign.id) AND contact_id = ANY(\(contactIDs)) AND leased_by = \(dialerID)
        """
    }

    /// Extends every lease this dialer holds, except on entries a write has locked: that write
    /// is finishing them. Waiting for those locks, while holding the ones already taken, is how
    /// a renewal and a batch of writes used to deadlock.
    public var renewal: SQL {
        """
        UPDATE queue_entries q SET lease_expires_at = now() + make_interval(secs => \(leaseSeconds))
        FROM (SELECT contact_id FROM queue_entries
              WHERE campaign_id = \(campaign.id) AND state = 'leased' AND leased_by = \(dialerID)
              FOR UPDATE SKIP LOCKED) mine
        WHERE q.campaign_id = \(campaign.id) AND q.contact_id = mine.contact_id
        """
    }

    /// Returns contacts whose lease ran out (their dialer stopped) to the queue; an entry that a
    /// write holds locked is left to that write.
    @discardableResult
    public func returnExpired(on connection: Connection) throws -> Int {
        try connection.execute(
            """
            UPDATE queue_entries q SET state = 'waiting', leased_by = NULL, lease_expires_at = NULL
            FROM (SELECT contact_id FROM queue_entries
                  WHERE campaign_id = \(campaign.id) AND state = 'leased' AND lease_expires_at < now()
                  FOR UPDATE SKIP LOCKED) expired
            WHERE q.campaign_id = \(campaign.id) AND q.contact_id = expired.contact_id
            """)
    }

    /// The local calendar day of `time`, as PostgreSQL writes a date.
    static func localDay(_ time: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func startOfNextDay(_ time: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: time)) ?? time.addingTimeInterval(86_400)
    }
}
