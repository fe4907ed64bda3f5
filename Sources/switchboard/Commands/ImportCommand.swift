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
    @Option(help: "utf8, windows1250 or iso8859_2 (default: detected).") var encoding: String?
    @Option(help: "comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(name: .customLong("map"), help: "COLUMN=FIELD, e.g. \"Nr tel=phone\", \"Uwagi=custom:notes\", \"Choroby=ignore\".")
    var mappings: [String] = []
    @Option(name: .customLong("consent"), help: "A consent the source holds for everyone in the file (repeatable).")
    var fileConsents: [String] = []
    @Option(help: "What proves the file-wide consents (a contract, a form, a recording set).") var proof: String?
    @Option(help: "skip or update contacts whose number is stored already.") var duplicates: String = "skip"
    @Flag(help: "Check everything and report; store no contact.") var dryRun = false
    @Option(help: "Country of numbers written without one.") var defaultRegion: String = "PL"

    func run() async throws {
        let options = try importOptions()
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let report = try await ContactImporter(database: workspace.database, vault: workspace.vault)
            .run(path: file, options: options, progress: ImportProgressLine.show)
        ImportReportPrinter.print(report)
    }

    func importOptions() throws -> ImportOptions {
        var mapping: [String: ImportField] = [:]
        for entry in mappings {
            guard let equals = entry.lastIndex(of: "="), let field = ImportField(spec: String(entry[entry.index(after: equals)...])) else {
                throw CommandFailure(
                    "--map takes COLUMN=FIELD with FIELD one of first_name, last_name, full_name, phone, email, time_zone, "
                        + "consent:CODE, custom:NAME, ignore; not \"\(entry)\"")
            }
            mapping[String(entry[..<equals])] = field
        }
        guard let policy = ImportOptions.DuplicatePolicy(rawValue: duplicates) else {
            throw CommandFailure("--duplicates is skip or update, not \(duplicates)")
        }
        return ImportOptions(
            sourceName: source, campaignName: campaign, encoding: try encoding.map(Self.encoding),
            delimiter: try delimiter.map(Self.delimiter), mapping: mapping, fileConsents: fileConsents, proof: proof,
            duplicates: policy, dryRun: dryRun, defaultRegion: defaultRegion, actor: "cli:\(NSUserName())")
    }

    static func encoding(_ text: String) throws -> TextEncoding {
        let key = text.lowercased().filter { $0.isLetter || $0.isNumber }
        switch key {
        case "utf8": return .utf8
        case "windows1250", "cp1250": return .windows1250
        case "iso88592", "latin2": return .iso8859_2
        default: throw CommandFailure("--encoding is utf8, windows1250 or iso8859_2, not \(text)")
        }
    }

    static func delimiter(_ text: String) throws -> CSVDelimiter {
        switch text {
        case "comma", ",": return .comma
        case "semicolon", ";": return .semicolon
        case "tab", "\\t", "\t": return .tab
        default: throw CommandFailure("--delimiter is comma, semicolon or tab, not \(text)")
        }
    }
}
