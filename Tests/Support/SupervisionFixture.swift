import Campaigns
import Foundation
import Persistence

/// A small, hand-made day of calls for statistics tests: every figure can be worked out on paper.
public struct SupervisionFixture: Sendable {
    public let campaignID: Int
    public let runID: Int
    public let agents: [Int]
    public let t0: Date

    /// (agent index or nil, seconds after t0 dialed, network result, connected seconds after dial, talk, wrap, outcome, success, abandoned, path)
    public typealias Call = (agent: Int?, at: Double, result: String, connectAfter: Double?, talk: Double, wrap: Double, outcome: String?,
                      success: Bool, abandoned: Bool, path: [String])

    public static let calls: [Call] = [
        (0, 0, "human", 10, 100, 20, "sale", true, false, ["hello", "offer", "marketing", "sale"]),
        (0, 300, "human", 8, 60, 10, "refusal", false, false, ["hello", "offer", "refusal"]),
        (1, 60, "human", 12, 200, 30, "sale", true, false, ["hello", "offer", "marketing", "sale"]),
        (1, 600, "human", 9, 40, 20, "callback", false, false, ["hello", "offer", "callback"]),
        (nil, 120, "human", nil, 0, 0, nil, false, true, []),
        (nil, 130, "machine", nil, 0, 0, nil, false, false, []),
        (nil, 140, "busy", nil, 0, 0, nil, false, false, []),
        (nil, 150, "no_answer", nil, 0, 0, nil, false, false, []),
        (nil, 160, "invalid", nil, 0, 0, nil, false, false, []),
    ]

    public static func make(_ database: Database) async throws -> SupervisionFixture {
        let fixture = try await CampaignFixture.make(database, consenting: 9, withoutConsent: 0)
        let t0 = CampaignFixture.monday
        let run = try await database.query(
            """
            INSERT INTO dialer_runs (campaign_id, dialer, clock, seed, settings, simulated_from, finished_at)
            VALUES (\(fixture.campaign.id), 'test', 'virtual', 1, '{}', \(t0), now()) RETURNING id
            """
        ).single().decode(Int.self, at: 0)
        let agents = try await database.query("INSERT INTO agents (name, kind) VALUES ('Ala', 'simulated'), ('Bob', 'simulated') RETURNING id")
            .column(Int.self)
        for (index, call) in calls.enumerated() {
            let dialed = t0.addingTimeInterval(call.at)
            let connected = call.connectAfter.map { dialed.addingTimeInterval($0) }
            let ended = connected.map { $0.addingTimeInterval(call.talk) } ?? dialed.addingTimeInterval(20)
            try await database.execute(
                """
                INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, agent_id, dialed_at, answered_at, connected_at, ended_at,
                                   network_result, abandoned, outcome, success, wrap_up_ends_at, script_path)
                VALUES (\(run), \(Int32(index + 1)), \(fixture.campaign.id), \(fixture.consenting[index]), 1, \(call.agent.map { agents[$0] }),
                        \(dialed), \(connected), \(connected), \(ended), \(call.result), \(call.abandoned), \(call.outcome), \(call.success),
                        \(connected == nil ? nil : ended.addingTimeInterval(call.wrap)), \(call.path.isEmpty ? nil : call.path))
                """)
        }
        // Each agent: logged in 0–1000 s; Ala in calls 10–110 and 308–368, wrap 110–130 and 368–378, paused 500–600.
        let stretches: [(Int, String, Double, Double)] = [
            (0, "ready", 0, 10), (0, "in_call", 10, 110), (0, "wrap_up", 110, 130), (0, "ready", 130, 308), (0, "in_call", 308, 368),
            (0, "wrap_up", 368, 378), (0, "ready", 378, 500), (0, "paused", 500, 600), (0, "ready", 600, 1000),
            (1, "ready", 0, 72), (1, "in_call", 72, 272), (1, "wrap_up", 272, 302), (1, "ready", 302, 609), (1, "in_call", 609, 649),
            (1, "wrap_up", 649, 669), (1, "ready", 669, 1000),
        ]
        for (agent, activity, start, end) in stretches {
            try await database.execute(
                """
                INSERT INTO agent_activity (run_id, agent_id, activity, started_at, ended_at)
                VALUES (\(run), \(agents[agent]), \(activity), \(t0.addingTimeInterval(start)), \(t0.addingTimeInterval(end)))
                """)
        }
        return SupervisionFixture(campaignID: fixture.campaign.id, runID: run, agents: agents, t0: t0)
    }
}
