import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Consent types are versioned; the ledger's latest row is the state; a withdrawal acts at once")
struct ConsentLedgerTests {
    @Test("a changed text is a new version; the same text changes nothing")
    func versions() async throws {
        try await TestDatabase.withFresh { database in
            let store = ConsentStore(database)
            let first = try await store.define(code: "telemarketing", title: "Kontakt", purpose: .telemarketing, text: "Zgoda A", actor: "test")
            #expect(first.version == 1)
            let second = try await store.revise(code: "telemarketing", text: "Zgoda B", actor: "test")
            #expect(second.version == 2)
            #expect(try await store.revise(code: "telemarketing", text: "Zgoda B", actor: "test").version == 2)
            #expect(try await store.find(code: "telemarketing")?.text == "Zgoda B")
            let duplicate = await #expect(throws: ConsentError.self) {
                try await store.define(code: "telemarketing", title: "x", purpose: .other, text: "y", actor: "test")
            }
            #expect(duplicate == .codeTaken("telemarketing") && duplicate?.kind == .conflict)
            await #expect(throws: ConsentError.malformedCode("Bad Code")) { try await store.define(code: "Bad Code", title: "x", purpose: .other, text: "y", actor: "test") }
        }
    }

    @Test("a withdrawal takes the contact out of every queue that needs that consent, at once")
    func withdrawal() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 5, withoutConsent: 2)
            let queue = CampaignQueue(database)
            let refill = try await queue.refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
            #expect(refill.added == 5)
            let contact = fixture.consenting[0]
            try await ConsentStore(database).record([
                ConsentEntry(contactID: contact, consentCode: "telemarketing", version: 1, granted: false, channel: .call,
                             proof: ["call_id": "1"], recordedBy: "Agent 01", recordedAt: CampaignFixture.monday)
            ])
            let state = try await database.query(
                "SELECT state FROM queue_entries WHERE contact_id = \(contact)").single().decode(String.self, at: 0)
            #expect(state == "removed")
            #expect(try await queue.counts(campaignID: fixture.campaign.id)["waiting"] == 4)
            // The ledger keeps both rows; the latest is the state.
            let history = try await ConsentStore(database).history(contactID: contact)
            #expect(history.filter { $0.consentCode == "telemarketing" }.map(\.granted) == [true, false])
            // Granted again later, the contact comes back on the next refill.
            try await ConsentStore(database).record([
                ConsentEntry(contactID: contact, consentCode: "telemarketing", version: 1, granted: true, channel: .webForm,
                             proof: ["form": "f1"], recordedBy: "web", recordedAt: CampaignFixture.monday.addingTimeInterval(60))
            ])
            let again = try await queue.refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday.addingTimeInterval(120))
            #expect(again.added == 1)
            // A contact that does not exist is named as such, and nothing is recorded.
            let missing = await #expect(throws: NotFound.self) {
                try await ConsentStore(database).record([
                    ConsentEntry(contactID: 999_999, consentCode: "telemarketing", version: 1, granted: false, channel: .manual,
                                 proof: [:], recordedBy: "test", recordedAt: CampaignFixture.monday)
                ])
            }
            #expect(missing == NotFound(.contact, 999_999) && missing?.description.contains("999999") == true)
        }
    }
}
