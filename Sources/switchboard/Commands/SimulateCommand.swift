import ArgumentParser
import Campaigns
import Dialer
import Foundation
import Persistence
import Server

/// `switchboard simulate`: dials a campaign on the simulated network.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Run the dialer for an active campaign with simulated agents.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The campaign's name.") var campaign: String
    @Option(help: "Simulated agents.") var agents: Int = 10
    @Option(help: "Length of the shift in hours.") var hours: Double = 8
    @Option(help: "Seed of the random choices; the same seed replays the same day.") var seed: UInt64 = 1
    @Option(help: "Start of the shift, ISO 8601 (default: 09:00 Warsaw time on the next weekday after today and after the campaign's last run).")
    var start: ISOTime?
    @Option(help: "virtual (as fast as possible) or a speed factor for the real clock, e.g. 60.") var clock: ClockKind = .virtual
    @Option(help: "Share of dials a person answers.") var answerRate: Double?
    @Option(help: "Most MiB of recordings' audio the run writes; 0 keeps metadata only.") var recordingCapMb: Int = 128
    @Option(help: "Serve this dialer's metrics (GET /metrics) and liveness (GET /health/live) on this port while it runs.")
    var metricsPort: Int?
    @Option(help: "Address the metrics listen on (0.0.0.0 for every interface).") var metricsHost: String = "127.0.0.1"

    func run() async throws {
        // Before anything makes a metric: one made earlier would count nothing.
        let registry = metricsPort.map { _ in MetricsSetup.bootstrap() }
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let shiftStart: Date
        if let start {
            shiftStart = start.date
        } else {
            shiftStart = try await ShiftStart.next(campaignID: CampaignStore(workspace.database).named(campaign).id, database: workspace.database)
        }
        var settings = SimulationSettings(agents: agents, hours: hours, seed: seed, start: shiftStart, clock: clock)
        if let answerRate { settings.network.humanAnswer = answerRate }
        settings.recordingsFolder = global.absoluteDataFolder + "/recordings"
        settings.recordingCapBytes = recordingCapMb << 20
        let pace = if case .real(let speed) = clock { "\(String(format: "%g", speed))× the wall clock" } else { "virtual clock" }
        Console.step(
            "Simulating \(agents) agent\(agents == 1 ? "" : "s") for \(String(format: "%g", hours)) h from \(ShiftStart.describe(shiftStart)) "
                + "(\(pace), seed \(seed))")
        let simulation = Simulation(database: workspace.database, logger: workspace.logger)
        let campaign = campaign, chosen = settings
        let outcome = try await DialerMetricsEndpoint(registry: registry, host: metricsHost, port: metricsPort, logger: workspace.logger)
            .serving { try await simulation.run(campaign: campaign, settings: chosen, progress: ProgressLine.show) }
        SummaryReport.print(outcome.summary, runID: outcome.runID)
        if outcome.summary.dialed == 0 {
            Console.step(
                "Nothing was dialed: no contact in the queue was due in the calling window. "
                    + "`switchboard campaign show \"\(campaign)\"` counts the queue; import contacts or wait for their retries.")
        }
    }
}
