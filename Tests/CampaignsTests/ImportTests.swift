import Campaigns
import CSV
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Contact import: one transaction, repaired numbers, a report of every line")
struct ImportTests {
    static let vault = CampaignFixture.testVault

    /// The importer, with the source the tests import from ("Lista", a partner's list) described.
    func importer(_ database: Database) async throws -> ContactImporter {
        if try await DataSourceStore(database).find(name: "Lista") == nil {
            _ = try await DataSourceStore(database).create(name: "Lista", kind: .partner, previousController: "Partner sp. z o.o.", actor: "test")
        }
        return ContactImporter(database: database, vault: Self.vault)
    }

    func options(_ source: String = "Lista", campaign: String? = nil, dryRun: Bool = false, duplicates: ImportOptions.DuplicatePolicy = .skip,
                 mapping: [String: ImportField] = [:], fileConsents: [String] = [], encoding: TextEncoding? = nil) -> ImportOptions {
        ImportOptions(
            sourceName: source, campaignName: campaign, encoding: encoding, mapping: mapping, fileConsents: fileConsents,
            proof: "umowa 2026/17", duplicates: duplicates, dryRun: dryRun, actor: "test")
    }

    func count(_ database: Database, _ sql: SQL) async throws -> Int {
        try await database.query(sql).single().decode(Int.self, at: 0)
    }

    @Test("a UTF-8 file: repairs, rejections with reasons, duplicates, consents, the campaign's queue")
    func utf8() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 0, withoutConsent: 0)
            let csv = """
                imie;nazwisko;telefon;email;zgoda_telemarketing;zgoda_processing;uwagi
                Łukasz;Żółć;+48 601 234 567;lukasz@example.pl;tak;tak;VIP
                Anna;Nowak;0048 502 111 222;zly-adres;tak;tak;
                Jan;Kowalski;601-ABC-567;;tak;tak;
                Maria;Wiśniewska;12345;;tak;tak;
                Piotr;Zieliński;601234567;;tak;tak;drugi raz
                Ewa;Mazur;(22) 628 12 34;;nie;tak;
                Zofia;Król;+48 503 000 111;;może;tak;
                """
            let report = try await importer(database).run(
                bytes: Array(csv.utf8), fileName: "lista.csv", options: options(campaign: fixture.campaign.name))
            #expect(report.rowsRead == 7)
            #expect(report.inserted == 3)  // Łukasz, Anna, Ewa
            #expect(report.rejected == 3)  // letters, too short, "może"
            #expect(report.duplicatesInFile == 1)  // Piotr repeats line 2's number
            #expect(report.encoding == "UTF-8")
            #expect(report.delimiter == "semicolon")
            #expect(report.queued == 2)  // Ewa has no telemarketing consent
            #expect(report.mapping["uwagi"] == "custom:uwagi")
            let issues = try await database.query(
                "SELECT line, kind, detail FROM import_issues WHERE import_id = \(report.importID!) ORDER BY line, kind"
            ).decode((Int, String, String).self)
            #expect(issues.contains { $0.0 == 4 && $0.1 == "rejected" && $0.2.contains("letter") })
            #expect(issues.contains { $0.0 == 6 && $0.1 == "duplicate" && $0.2 == "the same number as line 2" })
            #expect(issues.contains { $0.0 == 8 && $0.1 == "rejected" && $0.2.contains("neither yes nor no") })
            #expect(issues.contains { $0.0 == 3 && $0.1 == "repaired" && $0.2.contains("e-mail") })
            // Stored issues never hold the numbers or names from the file.
            let stored = issues.map(\.2).joined() + (try await database.query("SELECT report::text FROM imports").single().decode(String.self, at: 0))
            for personal in ["601 234 567", "601234567", "601-ABC", "628 12 34", "Łukasz", "Żółć", "lukasz@", "zly-adres"] {
                #expect(!stored.contains(personal), "\(personal)")
            }
            // The display samples, for the person at the terminal, show the repair.
            #expect(report.samples.contains { $0.display?.contains("→ +48502111222") == true })

            let contacts = ContactStore(database, vault: Self.vault)
            let lukasz = try #require(try await contacts.find(phone: "+48601234567"))
            let person = try #require(try await contacts.personalData(contactID: lukasz))
            #expect(person.firstName == "Łukasz" && person.lastName == "Żółć" && person.fields["uwagi"] == "VIP")
            let annaID = try #require(try await contacts.find(phone: "+48502111222"))
            let anna = try #require(try await contacts.personalData(contactID: annaID))
            #expect(anna.email == nil)
            let proofs = try await ConsentStore(database).history(contactID: lukasz)
            #expect(Set(proofs.map(\.consentCode)) == ["telemarketing", "processing"])
            #expect(proofs.allSatisfy { $0.channel == .import && $0.proof["line"] == "2" })
            let activity = try await ActivityLog(database).recent()
            #expect(activity.first?.action == "import")
        }
    }

    @Test("Windows-1250 and ISO-8859-2 files keep Polish names intact", arguments: [String.Encoding.windowsCP1250, .isoLatin2])
    func legacyEncodings(_ encoding: String.Encoding) async throws {
        try await TestDatabase.withFresh { database in
            _ = try await CampaignFixture.make(database, consenting: 0, withoutConsent: 0)
            let csv = "imie,nazwisko,telefon\nŁukasz,Żółć,601234567\nŚwiętosław,Źdźbło,602345678\nĄnna,Ęćńóśźż,603456789\n"
            let bytes = try #require(csv.data(using: encoding))
            let report = try await importer(database).run(bytes: Array(bytes), fileName: "legacy.csv", options: options())
            #expect(report.inserted == 3)
            #expect(report.encodingConfident)
            #expect(report.encoding == (encoding == .windowsCP1250 ? "Windows-1250" : "ISO-8859-2"))
            let contacts = ContactStore(database, vault: Self.vault)
            for (phone, first, last) in [("+48601234567", "Łukasz", "Żółć"), ("+48602345678", "Świętosław", "Źdźbło"), ("+48603456789", "Ąnna", "Ęćńóśźż")] {
                let id = try #require(try await contacts.find(phone: phone))
                let person = try await contacts.personalData(contactID: id)
                #expect(person?.firstName == first)
                #expect(person?.lastName == last)
            }
        }
    }

    @Test("broken files import nothing and leave a record of the attempt",
          arguments: [
            ("unterminated", Array("imie,telefon\n\"Jan,601234567\n".utf8), "quote"),
            ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "CSV"),
            ("empty", [], "empty"),
          ] as [(String, [UInt8], String)])
    func brokenFiles(_ name: String, _ bytes: [UInt8], _ expected: String) async throws {
        try await TestDatabase.withFresh { database in
            let error = await #expect(throws: ImportError.self) {
                try await importer(database).run(bytes: bytes, fileName: "\(name).csv", options: options())
            }
            #expect(error?.description.contains(expected) == true)
            #expect(error?.description.contains("Nothing was imported") == true)
            let stored = try await count(database, "SELECT count(*) FROM contacts")
            #expect(stored == 0)
        }
    }

    @Test("a broken line late in a long file rolls back everything before it")
    func brokenLate() async throws {
        try await TestDatabase.withFresh { database in
            var csv = "imie,telefon\n"
            for index in 0..<9_000 { csv += "Jan \(index),6\(String(format: "%08d", 10_000_000 + index))\n" }
            csv += "\"unterminated,601000000\n"
            let error = await #expect(throws: ImportError.self) {
                try await importer(database).run(bytes: Array(csv.utf8), fileName: "late.csv", options: options())
            }
            #expect(error?.importID != nil)
            let stored = try await count(database, "SELECT count(*) FROM contacts")
            let failures = try await count(database, "SELECT count(*) FROM imports WHERE error IS NOT NULL")
            #expect(stored == 0 && failures == 1)
        }
    }

    @Test("a line with the wrong number of fields is rejected and named; the rest import")
    func wrongColumnCount() async throws {
        try await TestDatabase.withFresh { database in
            let csv = "imie,nazwisko,telefon\nJan,Kowalski,601234567\nAnna,602345678\n"
            let report = try await importer(database).run(bytes: Array(csv.utf8), fileName: "x.csv", options: options())
            #expect(report.inserted == 1)
            #expect(report.rejected == 1)
            #expect(report.samples.contains { $0.line == 3 && $0.detail == "2 fields where the header has 3" })
        }
    }

    @Test("special-category columns are refused unless mapped as ignored")
    func specialCategories() async throws {
        try await TestDatabase.withFresh { database in
            let csv = "imie,telefon,Choroby przewlekłe\nJan,601234567,cukrzyca\n"
            let refused = await #expect(throws: ImportError.self) {
                try await importer(database).run(bytes: Array(csv.utf8), fileName: "x.csv", options: options())
            }
            #expect(refused?.description.contains("health") == true)
            #expect(try await count(database, "SELECT count(*) FROM contacts") == 0)
            let report = try await importer(database).run(
                bytes: Array(csv.utf8), fileName: "x.csv", options: options(mapping: ["Choroby przewlekłe": .ignore]))
            #expect(report.inserted == 1)
            let contacts = ContactStore(database, vault: Self.vault)
            let id = try #require(try await contacts.find(phone: "+48601234567"))
            #expect(try await contacts.personalData(contactID: id)?.fields.isEmpty == true)
        }
    }

    @Test("a source that was never described stops the import before anything is stored")
    func unknownSource() async throws {
        try await TestDatabase.withFresh { database in
            let csv = "imie;telefon\nJan;601 234 567\n"
            let error = await #expect(throws: DataSourceError.undescribed("Lsita")) {
                try await importer(database).run(bytes: Array(csv.utf8), fileName: "x.csv", options: options("Lsita"))
            }
            #expect(error?.kind == .notFound && error?.description.contains("source add") == true)
            let stored = try await count(database, "SELECT count(*) FROM contacts")
            let sources = try await count(database, "SELECT count(*) FROM data_sources WHERE name = 'Lsita'")
            #expect(stored == 0 && sources == 0)
        }
    }

    @Test("a dry run reports everything and stores no contact")
    func dryRun() async throws {
        try await TestDatabase.withFresh { database in
            let csv = "telefon\n601234567\n12\n"
            let report = try await importer(database).run(bytes: Array(csv.utf8), fileName: "x.csv", options: options(dryRun: true))
            #expect(report.inserted == 1 && report.rejected == 1)
            #expect(try await count(database, "SELECT count(*) FROM contacts") == 0)
            #expect(try await count(database, "SELECT count(*) FROM imports WHERE dry_run") == 1)
            #expect(try await count(database, "SELECT count(*) FROM import_issues") == 2)  // the rejection and the repair
        }
    }

    @Test("duplicates against the database: skipped, or updated with history")
    func storedDuplicates() async throws {
        try await TestDatabase.withFresh { database in
            let first = "imie,nazwisko,telefon\nJan,Kowalski,601234567\nAnna,Nowak,602345678\n"
            _ = try await importer(database).run(bytes: Array(first.utf8), fileName: "a.csv", options: options())
            let second = "imie,nazwisko,telefon\nJanusz,Kowalski,+48601234567\nAnna,Nowak,602 345 678\n"
            let skipped = try await importer(database).run(bytes: Array(second.utf8), fileName: "b.csv", options: options())
            #expect(skipped.inserted == 0 && skipped.duplicatesStored == 2)
            let contacts = ContactStore(database, vault: Self.vault)
            let jan = try #require(try await contacts.find(phone: "+48601234567"))
            #expect(try await contacts.personalData(contactID: jan)?.firstName == "Jan")

            let updated = try await importer(database).run(bytes: Array(second.utf8), fileName: "b.csv", options: options(duplicates: .update))
            #expect(updated.updated == 1)  // Anna did not change
            #expect(updated.duplicatesStored == 1)
            #expect(try await contacts.personalData(contactID: jan)?.firstName == "Janusz")
            let history = try await database.query("SELECT old_sealed, new_sealed, origin FROM contact_changes WHERE contact_id = \(jan)")
                .decode((Data, Data, String).self)
            #expect(history.count == 1)
            #expect(history.first?.2.hasPrefix("import:") == true)
        }
    }

    @Test("consents declared for the whole file are recorded for every contact with their proof")
    func fileConsents() async throws {
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 0, withoutConsent: 0)
            let csv = "Nr tel,Klient\n601234567,Jan Maria Kowalski\n602345678,Anna Nowak\n"
            let report = try await importer(database).run(
                bytes: Array(csv.utf8), fileName: "partner.csv",
                options: options(campaign: fixture.campaign.name, mapping: ["Nr tel": .phone], fileConsents: ["telemarketing", "processing"]))
            #expect(report.consentsRecorded == 4)
            #expect(report.queued == 2)
            let contacts = ContactStore(database, vault: Self.vault)
            let jan = try #require(try await contacts.find(phone: "+48601234567"))
            #expect(try await contacts.personalData(contactID: jan)?.firstName == "Jan Maria")
            let ledger = try await ConsentStore(database).history(contactID: jan)
            #expect(ledger.allSatisfy { $0.proof["statement"] == "umowa 2026/17" })
        }
    }
}
