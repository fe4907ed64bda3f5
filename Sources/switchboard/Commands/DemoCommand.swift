import ArgumentParser
import Campaigns
import Dialer
import Foundation
import Persistence
import Supervisor

/// `switchboard demo`: everything at once on a fresh machine.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Embedded database, demo contacts, a campaign, a simulated day, and the supervisor's view.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Synthetic contacts in the demo list.") var contacts: Int = 5000
    @Option(help: "Simulated agents.") var agents: Int = 12
    @Option(help: "Hours of the simulated shift.") var hours: Double = 8
    @Option(help: "Seed of the demo data and of the simulation.") var seed: UInt64 = 2026

    func run() async throws {
        let workspace = try await Workspace.open(global, announce: true)
        defer { workspace.close() }
        let database = workspace.database
        let campaign = try await DemoSetup(database).prepare()
        Console.step("Campaign \"\(campaign.name)\": \(campaign.dialMode.rawValue) dialing, needs consents \(campaign.requiredConsents.joined(separator: ", "))")

        let file = FileManager.default.temporaryDirectory.appending(path: "switchboard-demo-\(seed).csv").path
        try DemoSetup.csv(count: contacts, seed: seed).write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let report = try await ContactImporter(database: database, vault: workspace.vault).run(
            path: file,
            options: ImportOptions(
                sourceName: DemoSetup.sourceName, campaignName: campaign.name, actor: "demo"))
        let waiting = try await CampaignQueue(database).counts(campaignID: campaign.id)["waiting"] ?? 0
        Console.step(
            "Demo list: \(Console.number(report.rowsRead)) synthetic people, \(Console.number(report.inserted)) new contacts "
                + "(\(Console.number(report.repaired)) numbers repaired, \(Console.number(report.duplicates)) already known); "
                + "\(Console.number(waiting)) wait in the queue, contacts without every required consent stay out")

        let start = try await ShiftStart.next(campaignID: campaign.id, database: database)
        Console.step("Simulating \(agents) agents for \(Int(hours)) hours from \(ShiftStart.describe(start)) (virtual clock, seed \(seed))")
        let settings = SimulationSettings(
            agents: agents, hours: hours, seed: seed, start: start, recordingsFolder: global.absoluteDataFolder + "/recordings")
        let outcome = try await Simulation(database: database, logger: workspace.logger)
            .run(campaign: campaign.name, settings: settings, progress: ProgressLine.show)
        SummaryReport.print(outcome.summary, runID: outcome.runID)
        try await SupervisorView.print(runID: outcome.runID, database: database)
        printNextSteps()
    }

    private func printNextSteps() {
        let url = global.databaseURL == nil ? "\"$(swift run switchboard db url)\"" : "\"$DATABASE_URL\""
        let campaign = "\"\(DemoSetup.campaignName)\""
        let steps = [
            ("swift run switchboard report --campaign \(campaign) --output report.html", "the day's printable report"),
            ("swift run switchboard monitor --campaign \(campaign)", "the live dashboard; then, in another terminal:"),
            ("swift run switchboard simulate --campaign \(campaign) --agents 12 --hours 1 --clock 60", "an hour a minute"),
            ("swift run switchboard serve", "the JSON API, the live stream and /metrics"),
        ]
        let width = steps.map(\.0.count).max() ?? 0
        Swift.print("\nWhat next:")
        for (command, purpose) in steps { Swift.print("  " + command.padding(toLength: width + 3, withPad: " ", startingAt: 0) + purpose) }
        Swift.print(
            """
              psql \(url) -c "SELECT outcome, count(*) FROM calls WHERE outcome IS NOT NULL GROUP BY 1"
            Run the demo again to simulate the next day; stop the database with: swift run switchboard db stop
            """)
    }
}
