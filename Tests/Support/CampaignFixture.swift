import Campaigns
import Crypto
import Foundation
import Persistence

/// A small world for tests: consent types, a source, contacts with or without consents, a
/// script and an active campaign that requires `telemarketing` and `processing`.
public struct CampaignFixture: Sendable {
    public let campaign: Campaign
    public let script: ScriptStore.Version
    public let sourceID: Int
    /// Contacts holding both required consents, and those missing one.
    public let consenting: [Int]
    public let withoutConsent: [Int]
    public let vault: Vault

    public static let testVault = Vault(masterKey: MasterKey(SymmetricKey(data: Data(repeating: 7, count: 32))))

    /// A script with one question, a consent step and three outcomes; it says calls are recorded.
    public static let script = CallScript(
        name: "Test script", start: "hello",
        steps: [
            .init(id: "hello", .say(text: "Dzień dobry, {first_name}. Rozmowa jest nagrywana.", next: "offer"), disclosure: true),
            .init(
                id: "offer",
                .ask(
                    question: "Czy jest Pan zainteresowany?",
                    answers: [
                        .init(label: "Tak", next: "marketing", weight: 3), .init(label: "Nie", next: "refusal", weight: 5),
                        .init(label: "Proszę zadzwonić później", next: "callback", weight: 2),
                    ])),
            .init(id: "marketing", .consent(code: "marketing", granted: "sale", refused: "sale")),
            .init(id: "sale", .outcome(.init(code: "sale", label: "Sprzedaż", success: true))),
            .init(id: "refusal", .outcome(.init(code: "refusal", label: "Odmowa", success: false))),
            .init(id: "callback", .outcome(.init(code: "callback", label: "Oddzwonić", success: false))),
        ])

    public static func make(
        _ database: Database, consenting: Int = 40, withoutConsent: Int = 10, campaignName: String = "Test campaign",
        status: CampaignStatus = .active, configure: (inout Campaign) -> Void = { _ in }
    ) async throws -> CampaignFixture {
        let consents = ConsentStore(database)
        for (code, purpose) in [("telemarketing", ConsentPurpose.telemarketing), ("processing", .processing), ("marketing", .marketing)]
        where try await consents.find(code: code) == nil {
            _ = try await consents.define(code: code, title: code.capitalized, purpose: purpose, text: "Zgoda: \(code).", actor: "test")
        }
        let source = try await DataSourceStore(database).findOrCreate(name: "Test list", kind: .import, actor: "test")
        let vault = testVault
        let total = consenting + withoutConsent
        let offset = Int.random(in: 0..<1_000_000)
        let drafts = (0..<total).map { index in
            ContactDraft(
                personal: PersonalData(
                    firstName: "Jan\(index)", lastName: "Kowalski", phone: "+4860\(String(format: "%07d", (offset + index) % 10_000_000))"),
                country: "PL", lineType: index % 3 == 0 ? .fixed : .mobile, timeZone: "Europe/Warsaw")
        }
        let ids = try await database.transaction { connection in
            try ContactStore.insert(drafts, sourceID: source.id, vault: vault, on: connection)
        }
        let granted = Array(ids.prefix(consenting)), missing = Array(ids.dropFirst(consenting))
        let long = Date(timeIntervalSince1970: 1_600_000_000)
        var entries: [ConsentEntry] = []
        for id in granted {
            for code in ["telemarketing", "processing"] {
                entries.append(ConsentEntry(contactID: id, consentCode: code, version: 1, granted: true, channel: .import,
                                            proof: ["file": "test.csv"], recordedBy: "test", recordedAt: long))
            }
        }
        for id in missing {  // processing only: no telemarketing consent
            entries.append(ConsentEntry(contactID: id, consentCode: "processing", version: 1, granted: true, channel: .import,
                                        proof: ["file": "test.csv"], recordedBy: "test", recordedAt: long))
        }
        try await consents.record(entries)
        let version = try await ScriptStore(database).save(script, actor: "test")
        var campaign = Campaign(
            id: 0, name: campaignName, goal: "test", scriptID: version.id, status: status, dialMode: .progressive,
            window: CallingWindow(startMinute: 8 * 60, endMinute: 21 * 60, days: [1, 2, 3, 4, 5, 6, 7]),
            requiredConsents: ["telemarketing", "processing"])
        configure(&campaign)
        let stored = try await CampaignStore(database).create(campaign, actor: "test")
        return CampaignFixture(
            campaign: stored, script: version, sourceID: source.id, consenting: granted, withoutConsent: missing, vault: vault)
    }

    /// A Monday 09:00 in Warsaw, for runs that must not depend on today's date.
    public static let monday = Date(timeIntervalSince1970: 1_764_576_000)  // 2025-12-01 08:00 UTC
}
