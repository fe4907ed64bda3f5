import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Erasure in PostgreSQL: a request leaves every queue; a confirmation by another supervisor destroys the data; the register keeps it destroyed")
struct ErasureTests {
    static let agent = "staff:adam.agent"
    static let supervisor = "staff:sabina.super"

    /// A contact with everything the person leaves behind: calls, a recording and its file,
    /// a history entry, a consent proof, a queue entry.
    static func person(_ database: Database, objected: Bool) async throws -> (fixture: CampaignFixture, contact: Int, file: URL) {
        let fixture = try await CampaignFixture.make(database, consenting: 3, withoutConsent: 0)
        let contact = fixture.consenting[0]
        try await CampaignQueue(database).refill(campaignID: fixture.campaign.id, at: CampaignFixture.monday)
        let run = try await database.query(
            """
            INSERT INTO dialer_runs (campaign_id, dialer, clock, seed, settings, simulated_from)
            VALUES (\(fixture.campaign.id), 'test', 'virtual', 1, '{}', now()) RETURNING id
            """
        ).single().decode(Int.self, at: 0)
        let call = try await database.query(
            """
            INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, dialed_at, ended_at, network_result, outcome)
            VALUES (\(run), 1, \(fixture.campaign.id), \(contact), 1, now(), now(), 'human', 'sale') RETURNING id
            """
        ).single().decode(Int.self, at: 0)
        let folder = URL(fileURLWithPath: TestDatabase.scratchFolder).appending(path: "erasure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appending(path: "call.wav")
        try Data("RIFF recording".utf8).write(to: file)
        try await database.execute(
            """
            INSERT INTO recordings (id, call_id, campaign_id, started_at, duration_ms, codec, sample_rate, byte_size, sha256, storage_uri)
            VALUES (gen_random_uuid(), \(call), \(fixture.campaign.id), now(), 1000, 'pcm', 8000, 14, sha256('x'), \(file.absoluteString))
            """)
        try await database.execute(
            "INSERT INTO contact_changes (contact_id, actor, origin, old_sealed, new_sealed) VALUES (\(contact), 'test', 'api', 'x', 'y')")
        if objected {
            try await DoNotCallList(database, vault: fixture.vault).add(contactID: contact, reason: .objection, actor: "test")
        }
        return (fixture, contact, file)
    }

    static func store(_ database: Database, register: ErasureRegister? = nil) -> ErasureStore {
        ErasureStore(database, vault: CampaignFixture.testVault, register: register)
    }

    @Test("a request takes the contact out of every queue at once and shows it pending, with its name and reason; undo lets it back")
    func requestAndUndo() async throws {
        try await TestDatabase.withFresh { database in
            let (_, contact, _) = try await Self.person(database, objected: false)
            let store = Self.store(database)
            let request = try await store.request(contactID: contact, reason: "poprosił w rozmowie 3 XII", actor: Self.agent)
            let states = try await database.query("SELECT state FROM queue_entries WHERE contact_id = \(contact)").column(String.self)
            #expect(states == ["removed"])
            await #expect(throws: ErasureError.alreadyPending(contactID: contact, requestID: request.id)) {
                try await store.request(contactID: contact, reason: "again", actor: Self.agent)
            }
            let pending = try await store.list()
            #expect(pending.count == 1 && pending[0].contactName == "Jan0 Kowalski" && pending[0].reason == "poprosił w rozmowie 3 XII")
            #expect(pending[0].lastChangeOrigin == "api")
            try await store.decide(request.id, .undo, by: Self.agent, roles: [.agent])
            #expect(try await database.query("SELECT state FROM queue_entries WHERE contact_id = \(contact)").column(String.self) == ["waiting"])
            #expect(try await store.list().isEmpty)
        }
    }

    @Test("the one who filed it cannot confirm it; another supervisor's confirmation destroys the data everywhere and keeps anonymous figures")
    func confirm() async throws {
        try await TestDatabase.withFresh { database in
            let (fixture, contact, file) = try await Self.person(database, objected: false)
            let registerPath = TestDatabase.scratchFolder + "/register-\(UUID().uuidString)"
            let store = Self.store(database, register: ErasureRegister(path: registerPath))
            let request = try await store.request(contactID: contact, reason: "art. 17", actor: Self.supervisor)
            await #expect(throws: ErasureError.ownRequest(id: request.id)) {
                try await store.decide(request.id, .confirm, by: Self.supervisor, roles: [.supervisor])
            }
            let entry = try await store.decide(request.id, .confirm, by: "staff:olga.super", roles: [.supervisor])
            let report = try #require(entry.report)
            #expect(report.recordings == 1 && report.recordingFilesDeleted == 1 && report.historyEntries == 1)
            #expect(report.consentProofs == 2 && report.callsKeptAnonymous == 1 && !report.phoneHashKeptOnDoNotCall)
            #expect(!FileManager.default.fileExists(atPath: file.path))
            let (sealed, key, hash, erased) = try await database.query(
                "SELECT sealed, wrapped_key, phone_hash, erased_at FROM contacts WHERE id = \(contact)"
            ).single().decode((Data?, Data?, Data?, Date?).self)
            #expect(sealed == nil && key == nil && hash == nil && erased != nil)
            #expect(try await database.query("SELECT count(*) FROM contact_changes WHERE contact_id = \(contact)").single().decode(Int.self, at: 0) == 0)
            #expect(try await database.query("SELECT count(*) FROM recordings").single().decode(Int.self, at: 0) == 0)
            let proofs = try await database.query("SELECT proof::text FROM consents WHERE contact_id = \(contact)").column(String.self)
            #expect(!proofs.isEmpty && proofs.allSatisfy { !$0.contains("test.csv") })
            let anonymous = try await database.query("SELECT count(*) FROM calls WHERE contact_id IS NULL AND outcome = 'sale'").single()
                .decode(Int.self, at: 0)
            #expect(anonymous == 1)
            #expect(try await database.query("SELECT reason_sealed IS NULL FROM erasure_requests").single().decode(Bool.self, at: 0))
            let log = try await database.query(
                "SELECT actor || ' ' || action FROM activity_log WHERE subject = \("erasure:\(request.id)") ORDER BY id"
            ).column(String.self)
            #expect(log == ["\(Self.supervisor) erasure.request", "staff:olga.super erasure.confirm"])
            #expect(try ErasureRegister(path: registerPath).contacts() == [contact])
            #expect(try await CampaignQueue(database).refill(campaignID: fixture.campaign.id).added == 0)
            let certificate = try #require(ErasureCertificate(try await store.find(id: request.id)))
            let text = certificate.plainText(.pl)
            #expect(text.contains("E-\(String(format: "%06d", request.id))") && text.contains("nagrania rozmów i ich opisy (1)"))
            #expect(!text.contains("Jan0") && !text.contains("Kowalski"))
        }
    }

    @Test("a person who objected to marketing keeps the keyed hash of their number on the do-not-call list, and the certificate says so")
    func objection() async throws {
        try await TestDatabase.withFresh { database in
            let (_, contact, _) = try await Self.person(database, objected: true)
            let store = Self.store(database)
            let request = try await store.request(contactID: contact, reason: "sprzeciw i usunięcie", actor: Self.agent)
            let entry = try await store.decide(request.id, .confirm, by: Self.supervisor, roles: [.supervisor])
            #expect(entry.report?.phoneHashKeptOnDoNotCall == true)
            #expect(try await database.query("SELECT count(*) FROM do_not_call WHERE reason = 'objection'").single().decode(Int.self, at: 0) == 1)
            #expect(try #require(ErasureCertificate(entry)).plainText(.en).contains("because the person objected to marketing"))
        }
    }

    @Test("a contact the register names, found whole (a backup restored), is erased again; a confirmed erasure the register lacks is noted")
    func register() async throws {
        try await TestDatabase.withFresh { database in
            let (fixture, contact, _) = try await Self.person(database, objected: false)
            let register = ErasureRegister(path: TestDatabase.scratchFolder + "/register-\(UUID().uuidString)")
            try register.note(contactID: contact, requestID: 1, at: Date())
            #expect(try await register.apply(to: database) == 1)
            #expect(try await database.query("SELECT erased_at IS NOT NULL FROM contacts WHERE id = \(contact)").single().decode(Bool.self, at: 0))
            #expect(try await register.apply(to: database) == 0)
            // Confirmed while the register was out of reach: the next look notes it.
            let other = fixture.consenting[1]
            let request = try await Self.store(database).request(contactID: other, reason: "art. 17", actor: Self.agent)
            try await Self.store(database).decide(request.id, .confirm, by: Self.supervisor, roles: [.supervisor])
            try await register.apply(to: database)
            #expect(try register.contacts() == [contact, other])
        }
    }
}
