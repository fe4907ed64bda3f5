import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Do-not-call list, erasure requests, exports, sources and the recording rule")
struct AdministrationTests {
    static let vault = CampaignFixture.testVault

    private func eligible(_ database: Database, _ contact: Int, _ campaign: Int) async throws -> Bool {
        try await database.query("SELECT contact_is_eligible(\(contact), \(campaign), \(CampaignFixture.monday))")
            .single().decode(Bool.self, at: 0)
    }

    @Test("a listed number leaves every queue and is never eligible")
    func doNotCall() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 3, withoutConsent: 0)
            try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
            let list = DoNotCallList(database, vault: Self.vault)
            try await list.add(contactID: fixture.consenting[0], reason: .manual, actor: "test")
            try await list.add(phone: "+48600000099", reason: .regulator, actor: "test")
            #expect(try await !eligible(database, fixture.consenting[0], fixture.campaign.id))
            #expect(try await eligible(database, fixture.consenting[1], fixture.campaign.id))
            #expect(try await list.contains(phone: "+48600000099"))
            #expect(try await list.count() == 2)
            let state = try await database.query("SELECT state FROM queue_entries WHERE contact_id = \(fixture.consenting[0])")
                .single().decode(String.self, at: 0)
            #expect(state == "removed")
            let refill = try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
            #expect(refill.added == 0)
        }
    }

    @Test("a pending or confirmed erasure request makes a contact ineligible; an undone one does not")
    func erasureRequests() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 2, withoutConsent: 0)
            let (pending, undone) = (fixture.consenting[0], fixture.consenting[1])
            try await database.execute("INSERT INTO erasure_requests (contact_id, requested_by) VALUES (\(pending), 'agent')")
            try await database.execute(
                "INSERT INTO erasure_requests (contact_id, requested_by, status) VALUES (\(undone), 'agent', 'undone')")
            #expect(try await !eligible(database, pending, fixture.campaign.id))
            #expect(try await eligible(database, undone, fixture.campaign.id))
        }
    }

    @Test("attempts left is a clause of the rule")
    func attemptsLeft() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0) { $0.maxAttempts = 2 }
            try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
            let contact = fixture.consenting[0]
            #expect(try await eligible(database, contact, fixture.campaign.id))
            try await database.execute("UPDATE queue_entries SET attempts = 2 WHERE contact_id = \(contact)")
            #expect(try await !eligible(database, contact, fixture.campaign.id))
        }
    }

    @Test("an export writes the selected contacts, opened, and is logged without them; a mistyped name is refused")
    func export() async throws {
        try await TestDatabase.withFresh { database in
            _ = try await CampaignFixture.make(database, consenting: 4, withoutConsent: 3)
            let path = FileManager.default.temporaryDirectory.appending(path: "export-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let exporter = ContactExporter(database: database, vault: Self.vault)
            let rows = try await exporter.export(ExportFilter(consent: "telemarketing", consentGranted: false), to: path, actor: "test")
            #expect(rows == 3)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "id,first_name,last_name,phone,email,source,added_at,last_result,consents")
            #expect(lines.count == 4)
            #expect(lines.dropFirst().allSatisfy { $0.contains("Kowalski") && $0.hasSuffix(",processing") })
            let logged = try await database.query("SELECT row_count, filter->>'consent' FROM exports").single().decode((Int, String).self)
            #expect(logged.0 == 3 && logged.1 == "telemarketing")
            let activity = try await ActivityLog(database).recent()
            #expect(activity.first?.action == "export")
            #expect(!activity.description.contains("Kowalski"))
            let all = try await exporter.export(ExportFilter(source: "Test list"), to: path, actor: "test")
            #expect(all == 7)
            // A mistyped name is an error, not an empty export, and leaves no file behind.
            let elsewhere = path + ".missing.csv"
            let mistyped = await #expect(throws: NotFound.self) {
                try await exporter.export(ExportFilter(campaign: "Jesien"), to: elsewhere, actor: "test")
            }
            #expect(mistyped?.kind == .notFound && mistyped?.description.contains("Jesien") == true)
            #expect(!FileManager.default.fileExists(atPath: elsewhere) && !FileManager.default.fileExists(atPath: elsewhere + ".partial"))
            let exports = try await database.query("SELECT count(*) FROM exports").single().decode(Int.self, at: 0)
            #expect(exports == 2)
        }
    }

    @Test("a bought list needs its previous controller")
    func boughtList() async throws {
        try await TestDatabase.withFresh { database in
            let sources = DataSourceStore(database)
            let refused = await #expect(throws: DataSourceError.previousControllerMissing(.purchasedList)) {
                try await sources.create(name: "Kupiona", kind: .purchasedList, actor: "t")
            }
            #expect(refused?.description.contains("previous controller") == true)
            let bought = try await sources.create(
                name: "Kupiona", kind: .purchasedList, previousController: "Dane sp. z o.o.",
                controllerChangeNotifiedAt: CampaignFixture.monday, actor: "t")
            #expect(try await sources.find(name: "Kupiona") == bought)
        }
    }

    @Test("recording needs a recording consent, a script that asks for one, or a disclosure")
    func recordingRule() async throws {
        try await TestDatabase.withFresh { database in
            var silent = CampaignFixture.script
            silent.name = "Silent"
            silent.steps[0].disclosure = false
            let silentVersion = try await ScriptStore(database).save(silent, actor: "t")
            let refused = await #expect(throws: CampaignError.self) {
                try await CampaignFixture.make(database, consenting: 0, withoutConsent: 0) {
                    $0.recording = true
                    $0.scriptID = silentVersion.id
                }
            }
            #expect(refused?.description.contains("records calls") == true)
            let script = try await ScriptStore(database).save(CampaignFixture.script, actor: "t")
            let allowed = try await CampaignFixture.make(database, consenting: 0, withoutConsent: 0, campaignName: "Recorded") {
                $0.recording = true
                $0.scriptID = script.id
            }
            #expect(allowed.campaign.recording)
        }
    }
}
