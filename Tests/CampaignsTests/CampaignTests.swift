import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Campaigns: settings checked, status moves only along legal transitions")
struct CampaignTests {
    @Test("the status machine")
    func transitions() throws {
        #expect(try CampaignStatus.draft.moving(to: .active) == .active)
        #expect(try CampaignStatus.active.moving(to: .paused) == .paused)
        #expect(try CampaignStatus.paused.moving(to: .active) == .active)
        #expect(try CampaignStatus.paused.moving(to: .finished) == .finished)
        #expect(throws: CampaignError.statusMoveRefused(from: .draft, to: .paused, legal: [.active])) { try CampaignStatus.draft.moving(to: .paused) }
        #expect(throws: CampaignError.statusMoveRefused(from: .finished, to: .active, legal: [])) { try CampaignStatus.finished.moving(to: .active) }
        #expect(throws: CampaignError.self) { try CampaignStatus.active.moving(to: .draft) }
    }

    @Test("an illegal move is refused by the store and changes nothing")
    func refusedInStore() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0, status: .draft)
            let store = CampaignStore(database)
            let error = await #expect(throws: CampaignError.self) { try await store.setStatus(.finished, of: fixture.campaign.name, actor: "test") }
            #expect(error?.description == "a draft campaign cannot become finished; it can become active")
            #expect(try await store.named(fixture.campaign.name).status == .draft)
            #expect(try await store.setStatus(.active, of: fixture.campaign.name, actor: "test").status == .active)
        }
    }

    @Test("settings are stored and read back whole")
    func roundTrip() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0) { campaign in
                campaign.window = CallingWindow(startMinute: 10 * 60 + 30, endMinute: 19 * 60, days: [1, 3, 5])
                campaign.retryPolicy.delays[.busy] = 300
                campaign.dialSettings.maxDialRatio = 2.5
                campaign.maxAttempts = 7
            }
            let read = try await CampaignStore(database).named(fixture.campaign.name)
            #expect(read == fixture.campaign)
            #expect(read.window.startMinute == 630)
            #expect(read.requiredConsents == ["processing", "telemarketing"])
        }
    }

    @Test("bad settings are refused before anything is stored")
    func validation() async throws {
        try await TestDatabase.withFresh { database in
            let store = CampaignStore(database)
            var campaign = Campaign(id: 0, name: "Late", window: CallingWindow(startMinute: 9 * 60, endMinute: 22 * 60))
            await #expect(throws: CampaignError.self) { try await store.create(campaign, actor: "test") }
            campaign.window = CallingWindow()
            campaign.retryPolicy.delays[.abandoned] = 3600
            await #expect(throws: CampaignError.self) { try await store.create(campaign, actor: "test") }
            campaign.retryPolicy = RetryPolicy()
            campaign.requiredConsents = ["no_such_consent"]
            let missing = await #expect(throws: NotFound.self) { try await store.create(campaign, actor: "test") }
            #expect(missing?.description.contains("no_such_consent") == true)
            let stored = try await store.all()
            #expect(stored.isEmpty)
        }
    }

    @Test("the calling window in a contact's own time zone")
    func window() throws {
        let window = CallingWindow(startMinute: 9 * 60, endMinute: 20 * 60, days: [1, 2, 3, 4, 5])
        let warsaw = try #require(TimeZone(identifier: "Europe/Warsaw"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let mondayNoonWarsaw = CampaignFixture.monday.addingTimeInterval(3 * 3600)  // 12:00 in Warsaw, 06:00 in New York
        #expect(window.contains(mondayNoonWarsaw, in: warsaw))
        #expect(!window.contains(mondayNoonWarsaw, in: newYork))
        let opening = window.nextOpening(atOrAfter: mondayNoonWarsaw, in: newYork)
        #expect(opening.timeIntervalSince(mondayNoonWarsaw) == 3 * 3600)
        let saturday = CampaignFixture.monday.addingTimeInterval(5 * 86_400)
        #expect(!window.contains(saturday, in: warsaw))
        #expect(window.nextOpening(atOrAfter: saturday, in: warsaw) == CampaignFixture.monday.addingTimeInterval(7 * 86_400))
    }
}
