import ArgumentParser
import Campaigns
import CSV
import Foundation
import Persistence

/// `switchboard import FILE.csv --source NAME [--campaign NAME]`: contacts from a CSV file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import contacts from a CSV file (UTF-8, Windows-1250 or ISO-8859-2; comma, semicolon or tab).",
        discussion: """
            Columns are recognised by their header (imie, nazwisko, telefon, email, zgoda_<consent>, ...); anything
            else is kept as a custom field. Phone numbers are repaired to E.164 or the line is rejected with a reason.
            The whole import is one transaction: a broken file imports nothing.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The data source the contacts come from (made when missing).") var source: String
    @Option(help: "A campaign whose queue takes the new eligible contacts.") var campaign: String?
    @Option(help: "utf8, windows1250 or iso8859_2 (default: detected).") var encoding: TextEncoding?
    @Option(help: "comma, semicolon or tab (default: detected).") var delimiter: CSVDelimiter?
    @Option(
        name: .customLong("map"),
        help: """
            COLUMN=FIELD, e.g. "Nr tel=phone", "Uwagi=custom:notes", "Choroby=ignore"; FIELD is first_name, last_name, \
            full_name, phone, email, time_zone, consent:CODE, custom:NAME or ignore.
            """)
    var mappings: [ColumnChoice] = []
    @Option(name: .customLong("consent"), help: "A consent the source holds for everyone in the file (repeatable).")
    var fileConsents: [String] = []
    @Option(help: "What proves the file-wide consents (a contract, a form, a recording set).") var proof: String?
    @Option(help: "skip or update contacts whose number is stored already.") var duplicates: ImportOptions.DuplicatePolicy = .skip
    @Flag(help: "Check everything and report; store no contact.") var dryRun = false
    @Option(help: "Country of numbers written without one.") var defaultRegion: String = "PL"

    func run() async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let options = importOptions(actor: workspace.actor)
        let report = try await ContactImporter(database: workspace.database, vault: workspace.vault)
            .run(path: file, options: options, progress: ImportProgressLine.show)
        ImportReportPrinter.print(report)
    }

    func importOptions(actor: String) -> ImportOptions {
        ImportOptions(
            sourceName: source, campaignName: campaign, encoding: encoding, delimiter: delimiter,
            mapping: Dictionary(mappings.map { ($0.column, $0.field) }, uniquingKeysWith: { _, last in last }),
            fileConsents: fileConsents, proof: proof, duplicates: duplicates, dryRun: dryRun, defaultRegion: defaultRegion,
            actor: actor)
    }

}
