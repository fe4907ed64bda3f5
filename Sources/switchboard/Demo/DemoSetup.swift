import Campaigns
import Foundation
import Persistence

/// The demonstration's consent types, data source, script and campaign, made when missing.
struct DemoSetup: Sendable {
    static let campaignName = "Demo: oferta jesienna"
    static let sourceName = "Demo: lista testowa"

    /// The consents the demo list carries, and the columns of its CSV that say so.
    static let consents: [(code: String, title: String, purpose: ConsentPurpose, column: String, text: String)] = [
        ("processing", "Przetwarzanie danych", .processing, "zgoda_przetwarzanie",
         "Wyrażam zgodę na przetwarzanie moich danych osobowych przez Switchboard Demo sp. z o.o. w celu przedstawienia oferty."),
        ("telemarketing", "Kontakt telefoniczny", .telemarketing, "zgoda_telemarketing",
         "Wyrażam zgodę na kontakt telefoniczny w celach marketingowych (art. 398 ust. 1 Prawa komunikacji elektronicznej)."),
        ("recording", "Nagrywanie rozmów", .recording, "zgoda_nagrywanie",
         "Wyrażam zgodę na nagrywanie rozmowy w celu zapewnienia jakości obsługi."),
        ("marketing", "Informacje handlowe", .marketing, "zgoda_marketing",
         "Wyrażam zgodę na otrzymywanie informacji handlowych drogą elektroniczną."),
    ]

    static let script = CallScript(
        name: "Oferta jesienna", start: "greeting",
        steps: [
            .init(id: "greeting", .say(
                text: "Dzień dobry, {first_name}. Nazywam się {agent_name}, dzwonię z Switchboard Demo w sprawie oferty jesiennej. Rozmowa jest nagrywana.",
                next: "interest"), disclosure: true),
            .init(id: "interest", .ask(
                question: "Czy ma Pan/Pani chwilę, by wysłuchać krótkiej oferty?",
                answers: [
                    .init(label: "Tak", next: "offer", weight: 6),
                    .init(label: "Nie teraz, proszę zadzwonić później", next: "callback", weight: 2),
                    .init(label: "Nie, dziękuję", next: "not_interested", weight: 3),
                    .init(label: "Proszę więcej nie dzwonić", next: "objection", weight: 0.3),
                    .init(label: "To pomyłka", next: "wrong_person", weight: 0.4),
                ])),
            .init(id: "offer", .ask(
                question: "Proponujemy pakiet z rabatem 20% na pierwszy rok. Czy jest Pan/Pani zainteresowany/a?",
                answers: [
                    .init(label: "Tak, biorę", next: "marketing_consent", weight: 3),
                    .init(label: "Muszę się zastanowić", next: "callback", weight: 2),
                    .init(label: "Nie", next: "refusal", weight: 4),
                ])),
            .init(id: "marketing_consent", .consent(code: "marketing", granted: "sale", refused: "sale")),
            .init(id: "sale", .outcome(.init(code: "sale", label: "Sprzedaż", success: true))),
            .init(id: "callback", .outcome(.init(code: "callback", label: "Oddzwonić", success: false))),
            .init(id: "not_interested", .outcome(.init(code: "not_interested", label: "Niezainteresowany", success: false))),
            .init(id: "refusal", .outcome(.init(code: "refusal", label: "Odmowa", success: false))),
            .init(id: "objection", .outcome(.init(code: "objection", label: "Sprzeciw wobec marketingu", success: false))),
            .init(id: "wrong_person", .outcome(.init(code: "wrong_person", label: "Pomyłka", success: false))),
        ])

    let database: Database

    init(_ database: Database) { self.database = database }

    /// Makes whatever is missing and returns the demo campaign, active.
    func prepare() async throws -> Campaign {
        let actor = "demo"
        let consents = ConsentStore(database)
        for consent in Self.consents where try await consents.find(code: consent.code) == nil {
            _ = try await consents.define(
                code: consent.code, title: consent.title, purpose: consent.purpose, text: consent.text, actor: actor)
        }
        let sources = DataSourceStore(database)
        if try await sources.find(name: Self.sourceName) == nil {
            _ = try await sources.create(
                name: Self.sourceName, kind: .purchasedList, acquiredOn: Date(timeIntervalSince1970: 1_767_225_600),
                previousController: "Demo Dane sp. z o.o.", controllerChangeNotifiedAt: Date(timeIntervalSince1970: 1_767_830_400),
                actor: actor)
        }
        let campaigns = CampaignStore(database)
        if let existing = try await campaigns.find(name: Self.campaignName) {
            return existing.status == .active ? existing : try await campaigns.setStatus(.active, of: Self.campaignName, actor: actor)
        }
        let script = try await ScriptStore(database).save(Self.script, actor: actor)
        _ = try await campaigns.create(
            Campaign(
                id: 0, name: Self.campaignName, goal: "Sprzedaż pakietu jesiennego", scriptID: script.id, status: .draft,
                dialMode: .predictive, requiredConsents: ["processing", "telemarketing", "recording"]),
            actor: actor)
        return try await campaigns.setStatus(.active, of: Self.campaignName, actor: actor)
    }

    /// The demo list as CSV (UTF-8): `count` people, about one in five without the
    /// telemarketing consent and a few without the recording consent.
    static func csv(count: Int, seed: UInt64) -> String {
        var people = DemoPeople(seed: seed)
        var lines = ["imie;nazwisko;telefon;email;" + consents.map(\.column).joined(separator: ";")]
        for index in 0..<count {
            let person = people.next()
            let telemarketing = index % 5 == 3 ? "nie" : "tak"
            let recording = index % 17 == 5 ? "nie" : "tak"
            let marketing = index % 3 == 0 ? "tak" : "nie"
            lines.append([person.firstName, person.lastName, person.phone, person.email, "tak", telemarketing, recording, marketing]
                .joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
