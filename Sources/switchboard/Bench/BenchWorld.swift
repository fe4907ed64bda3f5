import Campaigns
import Foundation
import Persistence
import PhoneNumbers

/// A synthetic world for benchmarks and planning, in a database of its own: the demo's
/// consents and script, a list of Polish contacts who hold every consent, and campaigns.
struct BenchWorld {
    let database: Database
    let vault: Vault
    let scriptID: Int
    let sourceID: Int

    static func make(_ database: Database, vault: Vault, script: CallScript = DemoSetup.script) async throws -> BenchWorld {
        let consents = ConsentStore(database)
        for consent in DemoSetup.consents where try await consents.find(code: consent.code) == nil {
            _ = try await consents.define(code: consent.code, title: consent.title, purpose: consent.purpose, text: consent.text, actor: "bench")
        }
        let source = try await DataSourceStore(database).findOrCreate(name: "bench", kind: .manual, actor: "bench")
        let version = try await ScriptStore(database).save(script, actor: "bench")
        return BenchWorld(database: database, vault: vault, scriptID: version.id, sourceID: source.id)
    }

    /// Adds `count` synthetic contacts, sealed as any other, holding every consent type.
    func addContacts(_ count: Int, seed: UInt64 = 1) async throws {
        var people = DemoPeople(seed: seed)
        let parser = try PhoneNumberParser()
        var remaining = count
        var seen = Set<String>()
        while remaining > 0 {
            var drafts: [ContactDraft] = []
            while drafts.count < min(remaining, 5_000) {
                let person = people.next()
                guard case .success(let repair) = parser.parse(person.phone), seen.insert(repair.number.e164).inserted else { continue }
                drafts.append(ContactDraft(
                    personal: PersonalData(firstName: person.firstName, lastName: person.lastName, phone: repair.number.e164, email: person.email),
                    country: "PL", lineType: repair.number.lineType == .mobile ? .mobile : .fixed, timeZone: repair.number.timeZone))
            }
            let batch = drafts
            let vault = self.vault, sourceID = self.sourceID
            try await database.transaction { connection in
                let ids = try ContactStore.insert(batch, sourceID: sourceID, vault: vault, on: connection)
                try connection.execute(
                    """
                    INSERT INTO consents (contact_id, consent_type_id, version, granted, channel, proof, recorded_by, recorded_at)
                    SELECT c, t.id, 1, true, 'manual', '{"bench": "synthetic"}', 'bench', '2020-01-01'
                    FROM unnest(\(ids)) AS c CROSS JOIN consent_types t
                    """)
            }
            remaining -= batch.count
        }
    }

    /// An active campaign over the list, requiring every consent.
    func campaign(named name: String, mode: DialMode, configure: (inout Campaign) -> Void = { _ in }) async throws -> Campaign {
        var campaign = Campaign(
            id: 0, name: name, scriptID: scriptID, status: .active, dialMode: mode,
            window: CallingWindow(startMinute: 8 * 60, endMinute: 21 * 60, days: [1, 2, 3, 4, 5, 6, 7]),
            requiredConsents: DemoSetup.consents.map(\.code))
        configure(&campaign)
        return try await CampaignStore(database).create(campaign, actor: "bench")
    }

    /// An API token of a supervisor made for the bench, for its viewers.
    static func supervisorToken(_ database: Database) async throws -> String {
        let staff = StaffStore(database, hasher: PasswordHasher(cost: 4))
        _ = try await staff.add(
            login: "bench", displayName: "Bench", roles: [.supervisor], password: "Bench-\(UUID().uuidString)", actor: "bench")
        return try await APITokenStore(database).issue(for: "bench", label: "bench stream", actor: "bench").token
    }
}
