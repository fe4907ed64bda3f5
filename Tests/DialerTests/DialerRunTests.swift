import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@testable import Dialer

@Suite("Dialer runs against PostgreSQL")
struct DialerRunTests {
    static let monday = CampaignFixture.monday

    func run(
        _ database: Database, campaign: String, agents: Int = 4, hours: Double = 3, seed: UInt64 = 42, start: Date = monday,
        configure: (inout SimulationSettings) -> Void = { _ in }
    ) async throws -> Simulation.Outcome {
        var settings = SimulationSettings(agents: agents, hours: hours, seed: seed, start: start)
        configure(&settings)
        return try await Simulation(database: database, logger: testLogger).run(campaign: campaign, settings: settings)
    }

    /// Every call of a run, as text, without the ids the database hands out.
    func callsText(_ database: Database, run: Int) async throws -> [String] {
        try await database.query(
            """
            SELECT concat_ws('|', sequence, contact_id, attempt, agent_id, dialed_at, answered_at, connected_at, ended_at,
                             network_result, abandoned, outcome, success, wrap_up_ends_at, script_path::text)
            FROM calls WHERE run_id = \(run) ORDER BY sequence
            """
        ).column(String.self)
    }

    @Test("the same seed and data on the virtual clock give byte-identical calls, statistics and recordings")
    func determinism() async throws {
        let folders = (0..<2).map { _ in TestDatabase.scratchFolder + "/recordings-\(UUID().uuidString)" }
        var results: [(calls: [String], summary: RunSummary, hashes: [String])] = []
        for folder in folders {
            try await TestDatabase.withFresh { database in
                let fixture = try await CampaignFixture.make(database, consenting: 80, withoutConsent: 5) { $0.dialMode = .predictive }
                let outcome = try await run(database, campaign: fixture.campaign.name, agents: 5, hours: 4) {
                    $0.recordingsFolder = folder
                    $0.recordingCapBytes = 20 << 20
                }
                let hashes = try await database.query("SELECT id::text || encode(coalesce(sha256, ''), 'hex') FROM recordings ORDER BY id")
                    .column(String.self)
                var summary = outcome.summary
                summary.wallSeconds = 0
                results.append((try await callsText(database, run: outcome.runID), summary, hashes))
            }
        }
        #expect(results[0].calls.count > 100)
        #expect(results[0].calls == results[1].calls)
        #expect(results[0].summary == results[1].summary)
        #expect(results[0].hashes == results[1].hashes)
        #expect(results[0].hashes.contains { $0.count > 36 })  // some files were written and hashed
    }

    @Test("two dialers on one campaign never call the same contact at the same time")
    func twoDialers() async throws {
        try await TestDatabase.withFresh(maxConnections: 8) { database in
            // More contacts than one dialer reaches in the hour, so that the second finds some
            // even when a busy machine starts it after the first has run its whole (virtual) hour.
            let fixture = try await CampaignFixture.make(database, consenting: 500, withoutConsent: 0)
            async let first = run(database, campaign: fixture.campaign.name, agents: 4, hours: 1, seed: 1)
            async let second = run(database, campaign: fixture.campaign.name, agents: 4, hours: 1, seed: 2)
            let (a, b) = try await (first, second)
            #expect(a.summary.dialed > 0 && b.summary.dialed > 0)
            let overlaps = try await database.query(
                """
                SELECT count(*) FROM calls x JOIN calls y
                  ON x.contact_id = y.contact_id AND x.id < y.id
                 AND tstzrange(x.dialed_at, x.ended_at) && tstzrange(y.dialed_at, y.ended_at)
                """
            ).single().decode(Int.self, at: 0)
            #expect(overlaps == 0)
            let leased = try await database.query("SELECT count(*) FROM queue_entries WHERE state = 'leased'").single().decode(Int.self, at: 0)
            #expect(leased == 0)
        }
    }

    @Test("a dialer that dies keeps its contacts only until the lease runs out")
    func expiredLeases() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 10, withoutConsent: 0)
            try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: Self.monday)
            let dead = QueueLeases(campaign: fixture.campaign, dialerID: "dead", leaseSeconds: 1)
            let alive = QueueLeases(campaign: fixture.campaign, dialerID: "alive", leaseSeconds: 60)
            let held = try await onDispatchQueue { try dead.claim(limit: 6, at: Self.monday, in: database) }
            #expect(held.count == 6)
            let others = try await onDispatchQueue { try alive.claim(limit: 10, at: Self.monday, in: database) }
            #expect(Set(others.map(\.contactID)).isDisjoint(with: held.map(\.contactID)))
            #expect(others.count == 4)
            try await Task.sleep(for: .milliseconds(1500))
            let returned = try await onDispatchQueue { try alive.claim(limit: 10, at: Self.monday, in: database) }
            #expect(Set(returned.map(\.contactID)) == Set(held.map(\.contactID)))
        }
    }

    @Test("renewing leases skips an entry a write holds instead of waiting for it (that wait deadlocked with the writers)")
    func renewalSkipsLockedEntries() async throws {
        try await TestDatabase.withFresh(maxConnections: 3) { database in
            let fixture = try await CampaignFixture.make(database, consenting: 4, withoutConsent: 0)
            try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: Self.monday)
            let leases = QueueLeases(campaign: fixture.campaign, dialerID: "d", leaseSeconds: 60)
            let held = try await onDispatchQueue { try leases.claim(limit: 4, at: Self.monday, in: database) }
            #expect(held.count == 4)
            let writeHolds = Shared(false), renewed = Shared(false)
            let write = Task {
                try await database.transaction { connection in
                    try connection.execute(
                        "SELECT FROM queue_entries WHERE campaign_id = \(fixture.campaign.id) AND contact_id = \(held[0].contactID) FOR UPDATE")
                    writeHolds.update { $0 = true }
                    while !renewed.value { usleep(1_000) }  // on the connection's own queue
                }
            }
            try await waitFor { writeHolds.value }
            let count = try await database.withConnection { connection in
                defer { renewed.update { $0 = true } }
                try connection.execute("SET statement_timeout = '3s'")
                defer { _ = try? connection.execute("RESET statement_timeout") }
                return try connection.execute(leases.renewal)
            }
            try await write.value
            #expect(count == 3)
        }
    }

    @Test("a campaign paused while it is dialed stops getting new calls; the calls under way finish")
    func pausedMidRun() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 300, withoutConsent: 0)
            let pausedAt = Shared<Date?>(nil)
            let outcome = try await Simulation(database: database, logger: testLogger).run(
                campaign: fixture.campaign.name, settings: SimulationSettings(agents: 4, hours: 4, seed: 3, start: Self.monday)
            ) { progress in
                // The progress callback runs on the dialer's queue: a supervisor pauses after an hour.
                guard pausedAt.value == nil, progress.time >= Self.monday.addingTimeInterval(3600) else { return }
                _ = try? database.execute("UPDATE campaigns SET status = 'paused' WHERE id = \(fixture.campaign.id)")
                pausedAt.update { $0 = progress.time }
            }
            let paused = try #require(pausedAt.value)
            let stopped = try #require(outcome.summary.stoppedEarlyAt)
            #expect(stopped >= paused && stopped < paused.addingTimeInterval(3600))
            #expect(outcome.summary.simulatedSeconds < 3 * 3600)
            let lastDial = try await database.query("SELECT max(dialed_at) FROM calls WHERE run_id = \(outcome.runID)").single().decode(Date.self, at: 0)
            #expect(lastDial <= stopped)
            let open = try await database.query("SELECT count(*) FROM calls WHERE run_id = \(outcome.runID) AND ended_at IS NULL").single()
                .decode(Int.self, at: 0)
            #expect(open == 0)
        }
    }

    @Test("a run that fails is closed with its reason; one that stopped reporting is closed by the campaign's next run")
    func closedRuns() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 100, withoutConsent: 0)
            // A dialer killed long ago: it never finished and has been silent for ten minutes.
            let lost = try await database.query(
                """
                INSERT INTO dialer_runs (campaign_id, dialer, clock, seed, settings, simulated_from, started_at, last_seen_at)
                VALUES (\(fixture.campaign.id), 'killed', 'virtual', 1, '{}', \(Self.monday), now() - interval '1 hour', now() - interval '10 minutes')
                RETURNING id
                """
            ).single().decode(Int.self, at: 0)
            // This run's writes start failing an hour in: the table they go to is gone.
            let broken = Shared(false)
            await #expect(throws: DatabaseError.self) {
                _ = try await Simulation(database: database, logger: testLogger).run(
                    campaign: fixture.campaign.name, settings: SimulationSettings(agents: 3, hours: 3, seed: 5, start: Self.monday)
                ) { progress in
                    guard !broken.value, progress.time >= Self.monday.addingTimeInterval(3600) else { return }
                    broken.update { $0 = true }
                    _ = try? database.execute("ALTER TABLE recordings RENAME TO recordings_gone")
                }
            }
            let runs = try await database.query("SELECT id, finished_at IS NOT NULL, coalesce(failure, '') FROM dialer_runs ORDER BY id")
                .decode((Int, Bool, String).self)
            #expect(runs.count == 2)
            #expect(runs[0].0 == lost && runs[0].1 && runs[0].2 == "stopped reporting")
            #expect(runs[1].1 && runs[1].2.contains("recordings"))
        }
    }

    @Test("contacts first in the queue but outside their window do not starve a claim of those inside theirs")
    func claimLooksFurther() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 30, withoutConsent: 0) {
                $0.window = CallingWindow(startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5])
            }
            try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: Self.monday)
            // Twenty contacts in Tokyo (17:00 there, the window closed) come first in the queue.
            let tokyo = Array(fixture.consenting.prefix(20))
            try await database.execute("UPDATE contacts SET time_zone = 'Asia/Tokyo' WHERE id = ANY(\(tokyo))")
            try await database.execute(
                "UPDATE queue_entries SET next_attempt_at = next_attempt_at - interval '1 year' WHERE contact_id = ANY(\(tokyo))")
            let leases = QueueLeases(campaign: fixture.campaign, dialerID: "d")
            let claimed = try await onDispatchQueue { try leases.claim(limit: 5, at: Self.monday.addingTimeInterval(3600), in: database) }
            #expect(claimed.count == 5)
            #expect(Set(claimed.map(\.contactID)).isDisjoint(with: tokyo))
        }
    }

    @Test("no call is placed outside the calling window in the contact's own time zone")
    func callingWindow() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 90, withoutConsent: 0) {
                $0.window = CallingWindow(startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5])
            }
            try await database.execute(
                """
                UPDATE contacts SET time_zone = CASE id % 3 WHEN 0 THEN 'Europe/Warsaw' WHEN 1 THEN 'America/New_York' ELSE 'Asia/Tokyo' END
                """)
            let midnight = Self.monday.addingTimeInterval(-8 * 3600)
            let outcome = try await run(database, campaign: fixture.campaign.name, agents: 4, hours: 30, start: midnight) {
                $0.breakEveryMinutes = 0
            }
            let zones = try await database.query(
                "SELECT DISTINCT c.time_zone FROM calls k JOIN contacts c ON c.id = k.contact_id WHERE k.run_id = \(outcome.runID)"
            ).column(String.self)
            #expect(Set(zones) == ["Europe/Warsaw", "America/New_York", "Asia/Tokyo"])
            let outside = try await database.query(
                """
                SELECT count(*) FROM calls k JOIN contacts c ON c.id = k.contact_id
                WHERE k.run_id = \(outcome.runID)
                  AND ((k.dialed_at AT TIME ZONE c.time_zone)::time < '09:00' OR (k.dialed_at AT TIME ZONE c.time_zone)::time >= '17:00'
                       OR extract(isodow FROM k.dialed_at AT TIME ZONE c.time_zone) > 5)
                """
            ).single().decode(Int.self, at: 0)
            #expect(outside == 0)
        }
    }

    @Test("retry delays and attempt limits are honoured")
    func retries() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 30, withoutConsent: 0) { campaign in
                campaign.maxAttempts = 3
                campaign.maxAttemptsPerDay = 2
                campaign.retryPolicy = RetryPolicy(delays: [.busy: 600, .noAnswer: 1800, .machine: 3600, .abandoned: 72 * 3600, .callback: 7200])
            }
            let outcome = try await run(database, campaign: fixture.campaign.name, agents: 2, hours: 40) {
                $0.network.humanAnswer = 0.1
                $0.network.busy = 0.3
            }
            #expect(outcome.summary.busy > 0)
            let early = try await database.query(
                """
                WITH ordered AS (
                    SELECT contact_id, dialed_at, ended_at, network_result, abandoned, outcome,
                           lead(dialed_at) OVER (PARTITION BY contact_id ORDER BY dialed_at) AS next_dialed
                    FROM calls WHERE run_id = \(outcome.runID))
                SELECT count(*) FROM ordered
                WHERE next_dialed IS NOT NULL AND next_dialed < ended_at + make_interval(secs =>
                    CASE WHEN abandoned THEN 259200 WHEN outcome = 'callback' THEN 7200 WHEN network_result = 'busy' THEN 600
                         WHEN network_result = 'no_answer' THEN 1800 ELSE 3600 END) - interval '1 second'
                """
            ).single().decode(Int.self, at: 0)
            #expect(early == 0)
            let limits = try await database.query(
                """
                SELECT max(total), max(per_day) FROM (
                    SELECT contact_id, count(*) AS total, max(daily) AS per_day FROM (
                        SELECT contact_id, count(*) OVER (PARTITION BY contact_id, (dialed_at AT TIME ZONE 'Europe/Warsaw')::date) AS daily
                        FROM calls WHERE run_id = \(outcome.runID)) d
                    GROUP BY contact_id) t
                """
            ).single().decode((Int, Int).self)
            #expect(limits.0 <= 3)
            #expect(limits.1 <= 2)
            let finalOutcomes = try await database.query(
                "SELECT count(*) FROM queue_entries WHERE state = 'waiting' AND attempts >= 3").single().decode(Int.self, at: 0)
            #expect(finalOutcomes == 0)
        }
    }

    @Test("predictive dialing stays under the abandon limit; preview never abandons")
    func pacingModes() async throws {
        try await TestDatabase.withFresh(maxConnections: 4) { database in
            let predictive = try await CampaignFixture.make(database, consenting: 600, withoutConsent: 0) { $0.dialMode = .predictive }
            let run1 = try await run(database, campaign: predictive.campaign.name, agents: 10, hours: 6, seed: 5)
            #expect(run1.summary.humanAnswers > 200)
            #expect(run1.summary.abandonRate <= 0.03)
            let preview = try await CampaignFixture.make(database, consenting: 100, withoutConsent: 0, campaignName: "Preview") {
                $0.dialMode = .preview
            }
            let run2 = try await run(database, campaign: preview.campaign.name, agents: 3, hours: 2, seed: 5)
            #expect(run2.summary.connected > 0)
            #expect(run2.summary.abandoned == 0)
        }
    }

    @Test("events reach a listener as they are written")
    func events() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 20, withoutConsent: 0)
            let listener = NotificationListener(database.configuration, logger: testLogger)
            defer { listener.stop() }
            let received = Shared<[DialerEvent]>([])
            _ = try await listener.subscribe(to: SQLIdentifier("switchboard_events")) { notification in
                if let batch = EventBatch(payload: notification.payload) { received.update { $0 += batch.events } }
            }
            let outcome = try await run(database, campaign: fixture.campaign.name, agents: 2, hours: 1)
            try await waitFor { received.value.filter { $0.kind == .dialed }.count == outcome.summary.dialed }
            let kinds = Set(received.value.map(\.kind))
            #expect(kinds.isSuperset(of: [.dialed, .connected, .ended, .agent]))
            #expect(received.value.filter { $0.kind == .connected }.count == outcome.summary.connected + outcome.summary.machinesToAgents)
            // Each agent is announced when the run starts and leaves when it ends. Batches from
            // the two writers may commit out of order; the events' times put them back.
            try await waitFor { received.value.filter { $0.detail == DialerEvent.loggedOut }.count == 2 }
            let agentEvents = received.value.filter { $0.kind == .agent }.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            let byAgent = Dictionary(grouping: agentEvents.map(\.element), by: \.agentID)
            #expect(byAgent.count == 2)
            #expect(byAgent.values.allSatisfy { $0.first?.detail == "ready" && $0.last?.detail == DialerEvent.loggedOut })
        }
    }

    @Test("an objection puts the number on the do-not-call list and withdraws marketing consents")
    func objections() async throws {
        try await TestDatabase.withFresh { database in
            var script = CampaignFixture.script
            script.name = "Objecting"
            script.steps[1] = .init(id: "offer", .ask(question: "?", answers: [.init(label: "Nie dzwonić", next: "objection")]))
            script.steps.append(.init(id: "objection", .outcome(.init(code: "objection", label: "Sprzeciw", success: false))))
            script.steps.removeAll { ["marketing", "sale", "refusal", "callback"].contains($0.id) }
            let version = try await ScriptStore(database).save(script, actor: "t")
            let fixture = try await CampaignFixture.make(database, consenting: 20, withoutConsent: 0) { $0.scriptID = version.id }
            let outcome = try await run(database, campaign: fixture.campaign.name, agents: 2, hours: 2)
            #expect(outcome.summary.connected > 0)
            let listed = try await database.query("SELECT count(*) FROM do_not_call WHERE reason = 'objection'").single().decode(Int.self, at: 0)
            let objected = try await database.query(
                "SELECT count(DISTINCT contact_id) FROM calls WHERE outcome = 'objection'").single().decode(Int.self, at: 0)
            #expect(listed == objected && listed > 0)
            let withdrawn = try await database.query(
                """
                SELECT count(*) FROM current_consents cc JOIN consent_types t ON t.id = cc.consent_type_id
                WHERE t.code = 'telemarketing' AND NOT cc.granted
                """
            ).single().decode(Int.self, at: 0)
            #expect(withdrawn == objected)
        }
    }
}
