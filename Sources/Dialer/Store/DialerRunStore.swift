import Foundation
import Persistence

/// The record of each dialer run: its settings when it starts, its summary when it ends.
public struct DialerRunStore: Sendable {
    public static func start(
        campaignID: Int, dialerID: String, settings: SimulationSettings, on connection: Connection
    ) throws -> Int {
        try connection.query(
            """
            INSERT INTO dialer_runs (campaign_id, dialer, clock, seed, settings, simulated_from)
            VALUES (\(campaignID), \(dialerID), \(settings.clock.name), \(Int64(bitPattern: settings.seed)),
                    \(try JSONB(settings)), \(settings.start))
            RETURNING id
            """
        ).single().decode(Int.self, at: 0)
    }

    /// Closes a run that ended in an error, with the reason.
    public static func fail(runID: Int, reason: String, on connection: Connection) throws {
        try connection.execute("UPDATE dialer_runs SET finished_at = now(), failure = \(reason) WHERE id = \(runID) AND finished_at IS NULL")
    }

    /// Closes the campaign's runs that have not reported for `seconds` (a dialer killed, or cut
    /// off from the database): by then their leases have run out and their contacts are back in
    /// the queue. Returns how many.
    @discardableResult
    public static func closeLost(campaignID: Int, silentFor seconds: Double, on connection: Connection) throws -> Int {
        try connection.execute(
            """
            UPDATE dialer_runs SET finished_at = now(), failure = 'stopped reporting'
            WHERE campaign_id = \(campaignID) AND finished_at IS NULL
              AND coalesce(last_seen_at, started_at) < now() - make_interval(secs => \(seconds))
            """)
    }

    public static func finish(runID: Int, summary: RunSummary, simulatedUntil: Date, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE dialer_runs SET finished_at = now(), simulated_until = \(simulatedUntil), summary = \(try JSONB(summary))
            WHERE id = \(runID)
            """)
    }
}
