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

    public static func finish(runID: Int, summary: RunSummary, simulatedUntil: Date, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE dialer_runs SET finished_at = now(), simulated_until = \(simulatedUntil), summary = \(try JSONB(summary))
            WHERE id = \(runID)
            """)
    }
}
