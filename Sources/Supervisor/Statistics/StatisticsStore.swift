import Foundation
import Persistence

/// Figures computed in PostgreSQL from the calls table.
public struct StatisticsStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Each agent's figures for a dialer run, best converters first.
    public func agentFigures(runID: Int) async throws -> [AgentFigures] {
        try await database.query(
            """
            SELECT a.id, a.name, count(*) AS connected, count(*) FILTER (WHERE c.success),
                   coalesce(sum(extract(epoch FROM c.ended_at - c.connected_at)), 0)::float8,
                   coalesce(sum(extract(epoch FROM c.wrap_up_ends_at - c.ended_at)), 0)::float8
            FROM calls c JOIN agents a ON a.id = c.agent_id
            WHERE c.run_id = \(runID) AND c.connected_at IS NOT NULL
            GROUP BY a.id, a.name
            ORDER BY count(*) FILTER (WHERE c.success) DESC, a.name
            """
        ).map { row in
            let (id, name, connected, successes, talk, wrap) = try row.decode((Int, String, Int, Int, Double, Double).self)
            return AgentFigures(agentID: id, name: name, connected: connected, successes: successes, talkSeconds: talk, wrapUpSeconds: wrap)
        }
    }

    /// How the run's connected calls ended, most frequent outcome first.
    public func outcomes(runID: Int) async throws -> [(outcome: String, calls: Int)] {
        try await database.query(
            """
            SELECT outcome, count(*) FROM calls WHERE run_id = \(runID) AND outcome IS NOT NULL
            GROUP BY outcome ORDER BY count(*) DESC, outcome
            """
        ).decode((String, Int).self).map { (outcome: $0.0, calls: $0.1) }
    }
}
