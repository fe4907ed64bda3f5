import ArgumentParser
import Campaigns
import Foundation
import Persistence
import Supervisor

/// `switchboard report`: a campaign's daily report or agent report, as CSV or a printable page.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A campaign's daily report (hours, agents, funnel) as HTML or CSV.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The campaign.") var campaign: String
    @Option(help: "The day, YYYY-MM-DD in Warsaw time (default: the day of the campaign's latest call).") var day: CalendarDay?
    @Option(help: "html, csv, or agents-csv.") var format: Format = .html

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, csv
        case agentsCSV = "agents-csv"
    }
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let reported = try await CampaignStore(workspace.database).named(campaign)
        let date: Date
        if let day {
            date = day.date.addingTimeInterval(12 * 3600)
        } else {
            date = try await workspace.database.query("SELECT max(dialed_at) FROM calls WHERE campaign_id = \(reported.id)")
                .single().decode(Date?.self, at: 0) ?? Date()
        }
        let report = try await DailyReport.make(campaignID: reported.id, containing: date, database: workspace.database)
        let text =
            switch format {
            case .html: report.html
            case .csv: report.campaignCSV
            case .agentsCSV: report.agentCSV
            }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            print("wrote the \(report.day) report of \(reported.name) to \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
