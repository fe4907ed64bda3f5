import ArgumentParser
import Campaigns
import Dialer
import Foundation

/// `switchboard plan`: how many agents a campaign needs, found by running its real pacing
/// on the virtual clock for several team sizes.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find the smallest team that reaches a number of contacts in a number of hours within the abandon limit.",
        discussion: """
            Each trial simulates the campaign's settings (pacing, window, retries, script, limit) with a team of a given
            size on a synthetic list in a scratch database on the same server; the campaign's own data is not touched.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "The campaign whose settings to plan with.") var campaign: String
    @Option(help: "Contacts to reach (conversations with a person).") var targetContacts: Int
    @Option(help: "Hours to reach them in.") var hours: Double
    @Option(help: "The largest team to consider.") var maxAgents: Int = 300
    @Option(help: "Contacts in the synthetic list (default: four per contact to reach).") var listSize: Int?
    @Option(help: "Share of dials a person answers.") var answerRate: Double = 0.25
    @Option(help: "Seed.") var seed: UInt64 = 1

    func validate() throws {
        guard targetContacts >= 1 else { throw ValidationError("--target-contacts must be at least 1") }
        guard maxAgents >= 1 else { throw ValidationError("--max-agents must be at least 1") }
        guard (listSize ?? targetContacts) >= targetContacts else { throw ValidationError("--list-size must hold at least the contacts to reach") }
        guard answerRate > 0, answerRate <= 1 else { throw ValidationError("--answer-rate is a share above 0 and at most 1, such as 0.25") }
    }

    func run() async throws {
        let (template, script) = try await campaignAndScript()
        try await BenchDatabase.with(global) { bench in
            let key = try MasterKey.load(keyFile: global.dataFolder + "/master.key")
            let world = try await BenchWorld.make(bench.database, vault: Vault(masterKey: key), script: script)
            try await world.addContacts(listSize ?? targetContacts * 4, seed: seed)
            var trials: [Int: RunSummary] = [:]
            func trial(_ agents: Int) async throws -> Bool {
                let summary = try await simulate(agents: agents, template: template, world: world, database: bench)
                trials[agents] = summary
                Console.progress(
                    "\(Self.team(agents)): \(Console.number(summary.connected)) reached, abandon rate \(Console.percent(summary.abandonRate, digits: 2))",
                    final: true)
                return summary.connected >= targetContacts && summary.abandonRate <= template.abandonLimit
            }
            var low = 0, high = 1
            while try await !trial(high) {
                low = high
                guard high < maxAgents else { throw CommandError.planOutOfReach(agents: maxAgents, contacts: targetContacts, hours: hours) }
                high = min(high * 2, maxAgents)
            }
            while high - low > 1 {
                let middle = (low + high) / 2
                if try await trial(middle) { high = middle } else { low = middle }
            }
            Console.table(
                ["agents", "reached", "abandon rate", "occupancy"],
                trials.sorted { $0.key < $1.key }.map { agents, summary in
                    [String(agents), Console.number(summary.connected), Console.percent(summary.abandonRate, digits: 2), Console.percent(summary.occupancy)]
                })
            guard let smallest = trials[high] else { return }
            Console.step(
                "The smallest team: \(Self.team(high)), reaching \(Console.number(smallest.connected)) contacts in \(String(format: "%g", hours)) h "
                    + "with \(template.dialMode.rawValue) dialing (abandon rate \(Console.percent(smallest.abandonRate, digits: 2)), limit \(Console.percent(template.abandonLimit, digits: 1)))")
        }
    }

    /// The campaign to plan with and its pinned script; the workspace is closed before the trials start.
    private func campaignAndScript() async throws -> (Campaign, CallScript) {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let template = try await CampaignStore(workspace.database).named(campaign)
        guard let scriptID = template.scriptID, let script = try await ScriptStore(workspace.database).version(id: scriptID)?.script else {
            throw SimulationError.noScript(campaign: campaign)
        }
        return (template, script)
    }

    private static func team(_ agents: Int) -> String { agents == 1 ? "1 agent" : "\(agents) agents" }

    /// One trial: a campaign with the template's settings and a queue of its own over the list.
    private func simulate(agents: Int, template: Campaign, world: BenchWorld, database: BenchDatabase) async throws -> RunSummary {
        let trial = try await world.campaign(named: "\(template.name) with \(agents) agents", mode: template.dialMode) { campaign in
            campaign.window = template.window
            campaign.retryPolicy = template.retryPolicy
            campaign.dialSettings = template.dialSettings
            campaign.abandonLimit = template.abandonLimit
            campaign.maxAttempts = template.maxAttempts
            campaign.maxAttemptsPerDay = template.maxAttemptsPerDay
            campaign.recording = false
        }
        var settings = SimulationSettings(
            agents: agents, hours: hours, seed: seed, start: ShiftStart.nextWeekdayMorning(after: Date(timeIntervalSince1970: 1_764_000_000)),
            publishEvents: false)
        settings.network.humanAnswer = answerRate
        return try await Simulation(database: database.database, logger: global.logger).run(campaign: trial.name, settings: settings).summary
    }
}
