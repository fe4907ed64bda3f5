import Foundation
import Persistence

/// What the alert rules need from the database besides the figures.
struct AlertContext: Sendable {
    let abandonLimit: Double
    /// Unfinished runs whose heartbeat is older than the silence allowed.
    let silentDialers: [Int]

    static func load(campaignID: Int, database: Database, silentSeconds: Double) async throws -> AlertContext {
        let limit = try await database.query("SELECT abandon_limit FROM campaigns WHERE id = \(campaignID)").first?.decode(Double.self, at: 0) ?? 0.03
        let silent = try await database.query(
            """
            SELECT id FROM dialer_runs
            WHERE campaign_id = \(campaignID) AND finished_at IS NULL
              AND coalesce(last_seen_at, started_at) < now() - make_interval(secs => \(silentSeconds))
            ORDER BY id
            """
        ).column(Int.self)
        return AlertContext(abandonLimit: limit, silentDialers: silent)
    }
}
