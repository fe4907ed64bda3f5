import ArgumentParser
import Campaigns
import Dialer
import Foundation
import Hummingbird
import Persistence
import Prometheus
import Server
import Supervisor

/// `switchboard demo`: everything at once on a fresh machine, ending in the web application.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Embedded database, demo contacts, a campaign, a simulated day, the supervisor's view, then the web application.",
        discussion: """
            By default the day runs on the real clock, --speed times faster, while the web application serves (a sign-in
            for each role is printed), and serving goes on after the day until Ctrl-C. With --no-serve the day runs on the
            virtual clock, as fast as the machine goes, and the command ends after printing it: for scripts and CI.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Synthetic contacts in the demo list.") var contacts: Int = 5000
    @Option(help: "Simulated agents.") var agents: Int = 12
    @Option(help: "Hours of the simulated shift.") var hours: Double = 8
    @Option(help: "Seed of the demo data and of the simulation.") var seed: UInt64 = 2026
    @Flag(help: "Simulate on the virtual clock, print and exit, without serving the web application.") var noServe = false
    @Option(help: "How many times faster than the wall clock the served day runs.") var speed: Double = 60
    @Option(help: "Address the web application listens on.") var host: String = "127.0.0.1"
    @Option(help: "Port the web application listens on (another free one when it is taken).") var port: Int = 8080

    func validate() throws {
        guard speed > 0 else { throw ValidationError("--speed must be above 0, such as 60") }
    }

    func run() async throws {
        // Before anything makes a metric: one made earlier would count nothing.
        let registry = MetricsSetup.bootstrap()
        let workspace = try await Workspace.open(global, announce: true)
        defer { workspace.close() }
        let campaign = try await prepareCampaign(workspace)
        let start = try await ShiftStart.next(campaignID: campaign.id, database: workspace.database)
        if noServe {
            Console.step("Simulating \(agents) agents for \(Int(hours)) hours from \(ShiftStart.describe(start)) (virtual clock, seed \(seed))")
            let outcome = try await simulate(campaign, from: start, clock: .virtual, workspace)
            try await report(outcome, workspace)
            printNextSteps()
        } else {
            try await serve(campaign, from: start, workspace, metrics: registry)
        }
    }

    /// The demo's consent types, script and campaign, and its synthetic people imported into it.
    private func prepareCampaign(_ workspace: Workspace) async throws -> Campaign {
        let database = workspace.database
        let campaign = try await DemoSetup(database).prepare()
        Console.step(
            "Campaign \"\(campaign.name)\": \(campaign.dialMode.rawValue) dialing, needs consents \(campaign.requiredConsents.joined(separator: ", "))")
        let file = FileManager.default.temporaryDirectory.appending(path: "switchboard-demo-\(seed).csv").path
        try DemoSetup.csv(count: contacts, seed: seed).write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let report = try await ContactImporter(database: database, vault: workspace.vault).run(
            path: file, options: ImportOptions(sourceName: DemoSetup.sourceName, campaignName: campaign.name, actor: "demo"))
        let waiting = try await CampaignQueue(database).counts(campaignID: campaign.id)["waiting"] ?? 0
        Console.step(
            "Demo list: \(Console.number(report.rowsRead)) synthetic people, \(Console.number(report.inserted)) new contacts "
                + "(\(Console.number(report.repaired)) numbers repaired, \(Console.number(report.duplicates)) already known); "
                + "\(Console.number(waiting)) wait in the queue, contacts without every required consent stay out")
        return campaign
    }

    private func simulate(_ campaign: Campaign, from start: Date, clock: ClockKind, _ workspace: Workspace) async throws -> Simulation.Outcome {
        let settings = SimulationSettings(
            agents: agents, hours: hours, seed: seed, start: start, clock: clock, recordingsFolder: global.absoluteDataFolder + "/recordings")
        return try await Simulation(database: workspace.database, logger: workspace.logger)
            .run(campaign: campaign.name, settings: settings, progress: ProgressLine.show)
    }

    private func report(_ outcome: Simulation.Outcome, _ workspace: Workspace) async throws {
        SummaryReport.print(outcome.summary, runID: outcome.runID)
        try await SupervisorView.print(runID: outcome.runID, database: workspace.database)
    }

    /// Serves the web application while the day runs on the real clock, and after it until Ctrl-C.
    private func serve(_ campaign: Campaign, from start: Date, _ workspace: Workspace, metrics registry: PrometheusCollectorRegistry) async throws {
        let signIns = try await DemoStaff(database: workspace.database).prepare()
        let (app, address) = try WebServer.make(workspace, host: host, port: port, metrics: registry)
        Console.step("Listening on \(address) (Ctrl-C stops)")
        Console.step("Sign in at \(address)/sign-in as")
        Console.table(["role", "login", "password"], signIns.map { [$0.role.rawValue, $0.login, $0.password] })
        Console.step(
            "Simulating \(agents) agents for \(Int(hours)) hours from \(ShiftStart.describe(start)) at \(String(format: "%g", speed))× "
                + "the wall clock: the supervisor's dashboard follows it live (\(address)/supervisor)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                let outcome = try await simulate(campaign, from: start, clock: .real(speed: speed), workspace)
                try await report(outcome, workspace)
                Console.step("The day is over; the web application goes on serving at \(address) until Ctrl-C")
                try await Task.sleep(for: .seconds(365 * 24 * 3600))
            }
            // Serving ends on Ctrl-C or SIGTERM; the day's run, if still going, is stopped with it.
            try await group.next()
            group.cancelAll()
        }
    }

    private func printNextSteps() {
        let url = global.databaseURL == nil ? "\"$(swift run switchboard db url)\"" : "\"$DATABASE_URL\""
        let campaign = "\"\(DemoSetup.campaignName)\""
        let steps = [
            ("swift run switchboard demo", "the same day on the real clock, with the web application"),
            ("swift run switchboard report --campaign \(campaign) --output report.html", "the day's printable report"),
            ("swift run switchboard monitor --campaign \(campaign)", "the live dashboard; then, in another terminal:"),
            ("swift run switchboard simulate --campaign \(campaign) --agents 12 --hours 1 --clock 60", "an hour a minute"),
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
