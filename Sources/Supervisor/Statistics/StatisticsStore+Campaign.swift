import Foundation
import Persistence

extension StatisticsStore {
    /// A campaign's figures for calls dialed in [from, to), with the rolling abandon rates
    /// ending at `to`, the queue left and its recent pace. One round trip.
    public func campaignFigures(campaignID: Int, from: Date, to: Date) async throws -> CampaignFigures {
        let row = try await database.query(
            """
            WITH period AS (
                SELECT * FROM calls WHERE campaign_id = \(campaignID) AND dialed_at >= \(from) AND dialed_at < \(to)
            ), activity AS (
                SELECT a.activity,
                       sum(extract(epoch FROM least(a.ended_at, \(to)) - greatest(a.started_at, \(from)))) AS seconds
                FROM agent_activity a JOIN dialer_runs r ON r.id = a.run_id
                WHERE r.campaign_id = \(campaignID) AND a.ended_at > \(from) AND a.started_at < \(to)
                GROUP BY a.activity
            )
            SELECT
                (SELECT count(*) FROM period),
                (SELECT count(*) FROM period WHERE network_result = 'human'),
                (SELECT count(*) FROM period WHERE network_result = 'machine'),
                (SELECT count(*) FROM period WHERE network_result = 'busy'),
                (SELECT count(*) FROM period WHERE network_result = 'no_answer'),
                (SELECT count(*) FROM period WHERE network_result = 'invalid'),
                (SELECT count(*) FROM period WHERE network_result = 'human' AND connected_at IS NOT NULL),
                (SELECT count(*) FROM period WHERE abandoned),
                (SELECT count(*) FROM period WHERE success),
                (SELECT count(DISTINCT contact_id) FROM period),
                (SELECT coalesce(sum(extract(epoch FROM ended_at - connected_at)), 0)::float8 FROM period
                 WHERE network_result = 'human' AND connected_at IS NOT NULL),
                (SELECT coalesce(sum(extract(epoch FROM wrap_up_ends_at - ended_at)), 0)::float8 FROM period
                 WHERE network_result = 'human' AND connected_at IS NOT NULL),
                (SELECT coalesce(sum(seconds), 0)::float8 FROM activity WHERE activity IN ('in_call', 'wrap_up')),
                (SELECT coalesce(sum(seconds), 0)::float8 FROM activity WHERE activity <> 'paused'),
                \(Self.abandonRate(campaignID: campaignID, from: to.addingTimeInterval(-86_400), to: to)),
                \(Self.abandonRate(campaignID: campaignID, from: to.addingTimeInterval(-30 * 86_400), to: to)),
                (SELECT count(*) FROM queue_entries WHERE campaign_id = \(campaignID) AND state IN ('waiting', 'leased')),
                (SELECT count(*) FROM calls WHERE campaign_id = \(campaignID) AND ended_at > \(to.addingTimeInterval(-3600))
                   AND ended_at <= \(to) AND (outcome IS NOT NULL AND outcome NOT IN ('machine', 'callback') OR network_result = 'invalid'))::float8
            """
        ).single()
        var figures = CampaignFigures(campaignID: campaignID, from: from, to: to)
        (figures.dialed, figures.humanAnswers, figures.machines, figures.busy, figures.noAnswer, figures.invalid) =
            (try row.decode(Int.self, at: 0), try row.decode(Int.self, at: 1), try row.decode(Int.self, at: 2),
             try row.decode(Int.self, at: 3), try row.decode(Int.self, at: 4), try row.decode(Int.self, at: 5))
        (figures.connected, figures.abandoned, figures.successes, figures.contacts) =
            (try row.decode(Int.self, at: 6), try row.decode(Int.self, at: 7), try row.decode(Int.self, at: 8), try row.decode(Int.self, at: 9))
        (figures.talkSeconds, figures.wrapUpSeconds, figures.agentBusySeconds, figures.agentAvailableSeconds) =
            (try row.decode(Double.self, at: 10), try row.decode(Double.self, at: 11), try row.decode(Double.self, at: 12),
             try row.decode(Double.self, at: 13))
        figures.abandonRate24h = try row.decode(Double.self, at: 14)
        figures.abandonRate30d = try row.decode(Double.self, at: 15)
        figures.eligibleLeft = try row.decode(Int.self, at: 16)
        figures.finishedPerHour = try row.decode(Double.self, at: 17)
        return figures
    }

    /// Abandoned ÷ live answers among the campaign's calls dialed in [from, to), as a subquery.
    static func abandonRate(campaignID: Int, from: Date, to: Date) -> SQL {
        """
        (SELECT coalesce(count(*) FILTER (WHERE abandoned)::float8 / nullif(count(*), 0), 0)
         FROM calls WHERE campaign_id = \(campaignID) AND network_result = 'human' AND dialed_at >= \(from) AND dialed_at < \(to))
        """
    }

    /// The share of conversations that succeeded, in buckets of `minutes` from `from` to `to`;
    /// nil for a bucket without conversations.
    public func successTrend(campaignID: Int, from: Date, to: Date, minutes: Int = 15) async throws -> [Double?] {
        let buckets = max(1, Int(to.timeIntervalSince(from) / Double(minutes * 60)) + 1)
        var trend = [Double?](repeating: nil, count: buckets)
        let rows = try await database.query(
            """
            SELECT floor(extract(epoch FROM dialed_at - \(from)) / \(Double(minutes * 60)))::int8,
                   count(*) FILTER (WHERE success)::float8 / count(*)
            FROM calls
            WHERE campaign_id = \(campaignID) AND dialed_at >= \(from) AND dialed_at < \(to)
              AND network_result = 'human' AND connected_at IS NOT NULL
            GROUP BY 1
            """
        ).decode((Int, Double).self)
        for (bucket, share) in rows where trend.indices.contains(bucket) { trend[bucket] = share }
        return trend
    }

    /// Where conversations went through the script: for each step, how many reached it and
    /// how many ended there, in the order of the script's first reach.
    public func funnel(campaignID: Int, from: Date, to: Date) async throws -> [FunnelStep] {
        try await database.query(
            """
            SELECT step, count(*), count(*) FILTER (WHERE position = array_length(script_path, 1)), min(position)
            FROM calls, unnest(script_path) WITH ORDINALITY AS path(step, position)
            WHERE campaign_id = \(campaignID) AND dialed_at >= \(from) AND dialed_at < \(to)
            GROUP BY step
            ORDER BY min(position), count(*) DESC, step
            """
        ).map { row in
            let (step, reached, ended) = try row.decode((String, Int, Int).self)
            return FunnelStep(step: step, reached: reached, endedHere: ended)
        }
    }

    /// Each agent's figures over a period, best converters first.
    public func agentFigures(campaignID: Int, from: Date, to: Date) async throws -> [AgentFigures] {
        try await database.query(
            """
            SELECT a.id, a.name, count(*), count(*) FILTER (WHERE c.success),
                   coalesce(sum(extract(epoch FROM c.ended_at - c.connected_at)), 0)::float8,
                   coalesce(sum(extract(epoch FROM c.wrap_up_ends_at - c.ended_at)), 0)::float8
            FROM calls c JOIN agents a ON a.id = c.agent_id
            WHERE c.campaign_id = \(campaignID) AND c.dialed_at >= \(from) AND c.dialed_at < \(to)
              AND c.connected_at IS NOT NULL AND c.network_result = 'human'
            GROUP BY a.id, a.name
            ORDER BY count(*) FILTER (WHERE c.success) DESC, a.name
            """
        ).map { row in
            let (id, name, connected, successes, talk, wrap) = try row.decode((Int, String, Int, Int, Double, Double).self)
            return AgentFigures(agentID: id, name: name, connected: connected, successes: successes, talkSeconds: talk, wrapUpSeconds: wrap)
        }
    }
}
