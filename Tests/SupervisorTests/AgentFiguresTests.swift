import Campaigns
import Foundation
import Persistence
import Supervisor
import TestSupport
import Testing

@Suite("Statistics from the calls table, against hand-computed figures")
struct AgentFiguresTests {
    @Test("per-agent calls, successes, talk and wrap-up time, and outcomes")
    func agentFigures() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 3, withoutConsent: 0)
            let run = try await database.query(
                """
                INSERT INTO dialer_runs (campaign_id, dialer, clock, seed, settings, simulated_from)
                VALUES (\(fixture.campaign.id), 'test', 'virtual', 1, '{}', \(CampaignFixture.monday)) RETURNING id
                """
            ).single().decode(Int.self, at: 0)
            let agents = try await database.query(
                "INSERT INTO agents (name, kind) VALUES ('Ala', 'simulated'), ('Bob', 'simulated') RETURNING id"
            ).column(Int.self)
            let t0 = CampaignFixture.monday
            // (agent, connected after, talk s, wrap s, outcome, success)
            let calls: [(Int, Double, Double, Double, String, Bool)] = [
                (agents[0], 10, 100, 20, "sale", true), (agents[0], 300, 60, 10, "refusal", false),
                (agents[1], 20, 200, 30, "sale", true), (agents[1], 400, 40, 20, "sale", true),
                (agents[1], 700, 30, 10, "callback", false),
            ]
            for (index, call) in calls.enumerated() {
                let connected = t0.addingTimeInterval(call.1), ended = connected.addingTimeInterval(call.2)
                try await database.execute(
                    """
                    INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, agent_id, dialed_at, answered_at,
                                       connected_at, ended_at, network_result, outcome, success, wrap_up_ends_at)
                    VALUES (\(run), \(Int32(index + 1)), \(fixture.campaign.id), \(fixture.consenting[index % 3]), 1, \(call.0),
                            \(connected.addingTimeInterval(-8)), \(connected), \(connected), \(ended), 'human', \(call.4), \(call.5),
                            \(ended.addingTimeInterval(call.3)))
                    """)
            }
            try await database.execute(
                """
                INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, dialed_at, ended_at, network_result)
                VALUES (\(run), 99, \(fixture.campaign.id), \(fixture.consenting[0]), 2, \(t0), \(t0.addingTimeInterval(25)), 'no_answer')
                """)
            let figures = try await StatisticsStore(database).agentFigures(runID: run)
            #expect(figures.map(\.name) == ["Bob", "Ala"])  // more successes first
            let bob = figures[0], ala = figures[1]
            #expect(bob.connected == 3 && bob.successes == 2)
            #expect(bob.talkSeconds == 270 && bob.wrapUpSeconds == 60)
            #expect(abs(bob.averageHandleSeconds - 110) < 1e-9)
            #expect(abs(bob.conversion - 2.0 / 3.0) < 1e-9)
            #expect(ala.connected == 2 && ala.successes == 1 && ala.talkSeconds == 160 && ala.wrapUpSeconds == 30)
            let outcomes = try await StatisticsStore(database).outcomes(runID: run)
            #expect(outcomes.map(\.outcome) == ["sale", "callback", "refusal"])
            #expect(outcomes.map(\.calls) == [3, 1, 1])
        }
    }
}
