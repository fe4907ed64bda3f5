import Campaigns
import Dialer
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("A simulated shift end to end, through PostgreSQL")
struct ThinRunTests {
    @Test("calls and recordings are written; a contact without the required consent is never called")
    func endToEnd() async throws {
        try await TestDatabase.withFresh(maxConnections: 4) { database in
            let fixture = try await CampaignFixture.make(database, consenting: 60, withoutConsent: 15)
            let settings = SimulationSettings(agents: 4, hours: 3, seed: 42, start: CampaignFixture.monday)
            let outcome = try await Simulation(database: database, logger: testLogger).run(campaign: fixture.campaign.name, settings: settings)
            let summary = outcome.summary
            #expect(summary.dialed > 60)
            #expect(summary.connected > 0)
            #expect(summary.successes > 0)

            let calls = try await database.query("SELECT count(*), count(DISTINCT contact_id) FROM calls WHERE run_id = \(outcome.runID)").single()
            let (callCount, contactCount) = try calls.decode((Int, Int).self)
            #expect(callCount == summary.dialed)
            #expect(contactCount <= 60)
            let strays = try await database.query(
                "SELECT count(*) FROM calls WHERE contact_id = ANY(\(fixture.withoutConsent))").single().decode(Int.self, at: 0)
            #expect(strays == 0)
            let recordings = try await database.query("SELECT count(*) FROM recordings").single().decode(Int.self, at: 0)
            #expect(recordings == summary.recordings)
            #expect(recordings > 0)
            let leased = try await database.query("SELECT count(*) FROM queue_entries WHERE state = 'leased'").single().decode(Int.self, at: 0)
            #expect(leased == 0)
            let run = try await database.query("SELECT summary->>'dialed' FROM dialer_runs WHERE id = \(outcome.runID)").single()
            #expect(try run.decode(String.self, at: 0) == "\(summary.dialed)")
        }
    }
}
