import Campaigns
import Foundation
import Persistence
import Supervisor
import TestSupport
import Testing

@Suite("Campaign figures, funnel and trend against figures worked out by hand")
struct CampaignFiguresTests {
    @Test("every figure of a small fixed day")
    func figures() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            let figures = try await StatisticsStore(database).campaignFigures(
                campaignID: day.campaignID, from: day.t0, to: day.t0.addingTimeInterval(1000))
            #expect(figures.dialed == 9)
            #expect(figures.humanAnswers == 5 && figures.machines == 1 && figures.busy == 1 && figures.noAnswer == 1 && figures.invalid == 1)
            #expect(figures.connected == 4)
            #expect(figures.abandoned == 1)
            #expect(figures.successes == 2)
            #expect(figures.contacts == 9)
            #expect(figures.abandonRate == 0.2)  // 1 of 5 live answers
            #expect(figures.conversion == 0.5)  // 2 of 4 conversations
            #expect(figures.talkSeconds == 400 && figures.wrapUpSeconds == 80)
            #expect(figures.averageTalkSeconds == 100 && figures.averageWrapUpSeconds == 20 && figures.averageHandleSeconds == 120)
            // Busy: Ala 100+60 talk + 20+10 wrap = 190; Bob 200+40 + 30+20 = 290. Available: 2 × 1000 − 100 paused.
            #expect(abs(figures.agentBusySeconds - 480) < 1e-6)
            #expect(abs(figures.agentAvailableSeconds - 1900) < 1e-6)
            #expect(abs(figures.occupancy - 480.0 / 1900) < 1e-9)
            #expect(abs(figures.contactsPerHour - 9 / (1000.0 / 3600)) < 1e-9)
            #expect(figures.abandonRate24h == 0.2 && figures.abandonRate30d == 0.2)
        }
    }

    @Test("a period cuts activity stretches at its edges; the rolling rates look back from its end")
    func periods() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            let figures = try await StatisticsStore(database).campaignFigures(
                campaignID: day.campaignID, from: day.t0.addingTimeInterval(100), to: day.t0.addingTimeInterval(200))
            #expect(figures.dialed == 5)  // dialed at 120, 130, 140, 150, 160
            #expect(figures.abandoned == 1 && figures.humanAnswers == 1)
            // 100–200: Ala in call 100–110, wrap 110–130; Bob in call 100–200.
            #expect(abs(figures.agentBusySeconds - 130) < 1e-6)
            #expect(abs(figures.agentAvailableSeconds - 200) < 1e-6)
            // Dialed by 200 s: answered at 0, 60 and 120 s, the last abandoned.
            #expect(figures.abandonRate24h == 1.0 / 3)
        }
    }

    @Test("the script's funnel and the success trend")
    func funnelAndTrend() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            let store = StatisticsStore(database)
            let funnel = try await store.funnel(campaignID: day.campaignID, from: day.t0, to: day.t0.addingTimeInterval(3600))
            // By where a step is first reached, then by how often.
            #expect(funnel.map(\.step) == ["hello", "offer", "marketing", "callback", "refusal", "sale"])
            let byStep = Dictionary(uniqueKeysWithValues: funnel.map { ($0.step, $0) })
            #expect(byStep["hello"]?.reached == 4 && byStep["hello"]?.endedHere == 0)
            #expect(byStep["offer"]?.reached == 4)
            #expect(byStep["sale"]?.reached == 2 && byStep["sale"]?.endedHere == 2)
            #expect(byStep["refusal"]?.endedHere == 1 && byStep["callback"]?.endedHere == 1)
            let trend = try await store.successTrend(campaignID: day.campaignID, from: day.t0, to: day.t0.addingTimeInterval(900), minutes: 5)
            // Conversations dialed at 0 and 60 s (both sales), 300 s (refusal), 600 s (callback).
            #expect(trend.count == 4)
            #expect(trend[0] == 1.0 && trend[1] == 0.0 && trend[2] == 0.0 && trend[3] == nil)
        }
    }
}
