import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("The eligibility rule: every required consent, granted, not withdrawn, not expired, not erased")
struct EligibilityTests {
    private func eligible(_ database: Database, _ contact: Int, _ campaign: Int, at date: Date) async throws -> Bool {
        try await database.query("SELECT contact_is_eligible(\(contact), \(campaign), \(date))").single().decode(Bool.self, at: 0)
    }

    private func record(_ database: Database, _ contact: Int, _ code: String, granted: Bool, at date: Date, expires: Date? = nil) async throws {
        try await ConsentStore(database).record([
            ConsentEntry(contactID: contact, consentCode: code, version: 1, granted: granted, channel: .manual, proof: [:],
                         recordedBy: "test", recordedAt: date, expiresAt: expires)
        ])
    }

    @Test("only contacts holding every required consent enter the queue")
    func requiredConsents() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 8, withoutConsent: 4)
            let refill = try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
            #expect(refill.added == 8)
            let queued = try await database.query("SELECT contact_id FROM queue_entries ORDER BY contact_id").column(Int.self)
            #expect(Set(queued) == Set(fixture.consenting))
            for contact in fixture.withoutConsent {
                #expect(try await !eligible(database, contact, fixture.campaign.id, at: CampaignFixture.monday))
            }
        }
    }

    @Test("each clause: expiry, a later withdrawal, a grant after the moment, erasure")
    func clauses() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 0, withoutConsent: 4)
            let campaign = fixture.campaign.id
            let t0 = CampaignFixture.monday
            let (expiring, withdrawn, late, erased) = (fixture.withoutConsent[0], fixture.withoutConsent[1], fixture.withoutConsent[2], fixture.withoutConsent[3])

            try await record(database, expiring, "telemarketing", granted: true, at: t0, expires: t0.addingTimeInterval(3600))
            #expect(try await eligible(database, expiring, campaign, at: t0.addingTimeInterval(60)))
            #expect(try await !eligible(database, expiring, campaign, at: t0.addingTimeInterval(7200)))

            try await record(database, withdrawn, "telemarketing", granted: true, at: t0)
            try await record(database, withdrawn, "telemarketing", granted: false, at: t0.addingTimeInterval(600))
            #expect(try await eligible(database, withdrawn, campaign, at: t0.addingTimeInterval(300)))
            #expect(try await !eligible(database, withdrawn, campaign, at: t0.addingTimeInterval(900)))

            try await record(database, late, "telemarketing", granted: true, at: t0.addingTimeInterval(3600))
            #expect(try await !eligible(database, late, campaign, at: t0))
            #expect(try await eligible(database, late, campaign, at: t0.addingTimeInterval(3601)))

            try await record(database, erased, "telemarketing", granted: true, at: t0)
            #expect(try await eligible(database, erased, campaign, at: t0.addingTimeInterval(1)))
            try await database.execute(
                "UPDATE contacts SET erased_at = now(), phone_hash = NULL, sealed = NULL, wrapped_key = NULL WHERE id = \(erased)")
            #expect(try await !eligible(database, erased, campaign, at: t0.addingTimeInterval(1)))
        }
    }
}
