import ArgumentParser
import Campaigns
import Dialer
import Foundation

/// `switchboard bench pacing`: the same day of the same team and list, dialed progressively and
/// predictively, each in a database of its own.
struct PacingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pacing", abstract: "Progressive against predictive on the same list: abandon rate, occupancy, conversations.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Simulated agents.") var agents: Int = 20
    @Option(help: "Share of dials a person answers.") var answerRate: Double = 0.25
    @Option(help: "Contacts in the list.") var contacts: Int = 20_000
    @Option(help: "Simulated hours.") var hours: Double = 8
    @Option(help: "Seed.") var seed: UInt64 = 1

    func run() async throws {
        var rows: [[String]] = []
        for mode in [DialMode.progressive, .predictive] {
            let summary = try await day(mode)
            rows.append([
                mode.rawValue, Console.number(summary.dialed), Console.number(summary.connected),
                Console.percent(summary.abandonRate, digits: 2), Console.percent(summary.occupancy),
                String(format: "%.1f", Double(summary.connected) / (summary.agentAvailableSeconds / 3600)),
            ])
        }
        Console.step("\(agents) agents, \(String(format: "%.0f", hours)) h, \(Console.percent(answerRate, digits: 0)) of dials answered by a person, seed \(seed)")
        Console.table(["pacing", "dials", "conversations", "abandon rate", "occupancy", "conversations per agent hour"], rows)
    }

    private func day(_ mode: DialMode) async throws -> RunSummary {
        try await BenchDatabase.with(global) { bench in
            let key = try MasterKey.load(keyFile: global.dataFolder + "/master.key")
            let world = try await BenchWorld.make(bench.database, vault: Vault(masterKey: key))
            try await world.addContacts(contacts)
            let campaign = try await world.campaign(named: "Pacing \(mode.rawValue)", mode: mode)
            var settings = SimulationSettings(
                agents: agents, hours: hours, seed: seed, start: ShiftStart.nextWeekdayMorning(after: Date(timeIntervalSince1970: 1_764_000_000)))
            settings.network.humanAnswer = answerRate
            return try await Simulation(database: bench.database, logger: global.logger).run(campaign: campaign.name, settings: settings).summary
        }
    }
}
