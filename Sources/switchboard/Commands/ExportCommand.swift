import ArgumentParser
import Campaigns
import Foundation

/// `switchboard export`: contacts to CSV, logged.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export selected contacts to CSV; every export is logged (who, when, filter, rows).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The CSV file to write (readable by its owner only).") var output: String
    @Option(help: "Contacts queued for this campaign.") var campaign: String?
    @Option(help: "Contacts from this data source.") var source: String?
    @Option(help: "Contacts holding this consent now.") var consent: String?
    @Option(help: "Contacts not holding this consent now.") var withoutConsent: String?
    @Option(help: "Contacts whose last call ended so (an outcome such as sale, or busy, no_answer ...).") var lastOutcome: String?
    @Option(help: "Added on or after this day (YYYY-MM-DD).") var from: CalendarDay?
    @Option(help: "Added before this day (YYYY-MM-DD).") var to: CalendarDay?

    func validate() throws {
        if consent != nil, withoutConsent != nil { throw ValidationError("give --consent or --without-consent, not both") }
    }

    func run() async throws {
        let filter = ExportFilter(
            campaign: campaign, source: source, consent: consent ?? withoutConsent, consentGranted: withoutConsent == nil,
            lastOutcome: lastOutcome, addedFrom: from?.date, addedBefore: to?.date)
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let rows = try await ContactExporter(database: workspace.database, vault: workspace.vault).export(filter, to: output, actor: workspace.actor)
        print("wrote \(Console.number(rows)) contacts to \(output)")
    }
}
