import ArgumentParser
import Campaigns
import Foundation

/// `switchboard campaign …`: campaigns and their life.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign", abstract: "Campaigns: create, inspect, start, pause, resume, finish, assign agents.",
        subcommands: [List.self, Show.self, Create.self, Start.self, Pause.self, Resume.self, Finish.self, Assign.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let campaigns = try await CampaignStore(workspace.database).all()
            Console.table(
                ["name", "status", "mode", "consents", "window"],
                campaigns.map { [$0.name, $0.status.rawValue, $0.dialMode.rawValue, $0.requiredConsents.joined(separator: " "), CampaignCommand.describe($0.window)] })
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a campaign's settings and queue.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let campaign = try await CampaignStore(workspace.database).named(name)
            let queue = try await CampaignQueue(workspace.database).counts(campaignID: campaign.id)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(campaign), as: UTF8.self))
            print("queue: " + queue.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a campaign (in draft; start it when ready).")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "The script's name; the campaign pins its latest version.") var script: String
        @Option(name: .customLong("consent"), help: "A consent contacts must hold (repeatable).") var consents: [String] = []
        @Option(help: "preview, progressive or predictive.") var mode: DialMode = .predictive
        @Option(help: "Local calling hours, e.g. 09:00-20:00, in each contact's time zone.")
        var window = CallingHours(argument: "09:00-20:00")!
        @Option(help: "ISO weekdays (1 = Monday), e.g. 1-5 or 1,2,3,4,5,6.") var days = Weekdays(argument: "1-5")!
        @Option(help: "Attempts per contact in all.") var maxAttempts: Int = 5
        @Option(help: "Attempts per contact per day.") var perDay: Int = 2
        @Option(help: "Most abandoned calls per live answer, e.g. 0.03.") var abandonLimit: Double = 0.03
        @Flag(inversion: .prefixedNo, help: "Record calls (needs a recording consent or a disclosure in the script).") var recording = true
        @Option(help: "Retry delay as REASON=SECONDS (busy, no_answer, machine, abandoned, callback; repeatable).") var retry: [RetryDelay] = []
        @Option(help: "What the campaign is for.") var goal: String = ""

        func run() async throws {
            var campaign = Campaign(
                id: 0, name: name, goal: goal, dialMode: mode, abandonLimit: abandonLimit, maxAttempts: maxAttempts,
                maxAttemptsPerDay: perDay,
                window: CallingWindow(startMinute: window.startMinute, endMinute: window.endMinute, days: days.days), recording: recording,
                requiredConsents: consents)
            for delay in retry { campaign.retryPolicy.delays[delay.reason] = delay.seconds }
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            guard let pinned = try await ScriptStore(workspace.database).latest(name: script) else { throw NotFound(.script, script) }
            campaign.scriptID = pinned.id
            let stored = try await CampaignStore(workspace.database).create(campaign, actor: workspace.actor)
            print("created \(stored.name) (draft) with script \(script) version \(pinned.version)")
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a draft campaign.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        func run() async throws { try await CampaignCommand.move(name, to: .active, global) }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pause an active campaign.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        func run() async throws { try await CampaignCommand.move(name, to: .paused, global) }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resume a paused campaign.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        func run() async throws { try await CampaignCommand.move(name, to: .active, global) }
    }

    struct Finish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Finish a campaign for good.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        func run() async throws { try await CampaignCommand.move(name, to: .finished, global) }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign agents to a campaign.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(name: .customLong("agent"), help: "An agent's name (repeatable).") var agents: [String]

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            try await AgentStore(workspace.database).assign(agents, to: name, actor: workspace.actor)
            print("assigned \(agents.count) agents to \(name)")
        }
    }

    static func move(_ name: String, to status: CampaignStatus, _ global: GlobalOptions) async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let campaign = try await CampaignStore(workspace.database).setStatus(status, of: name, actor: workspace.actor)
        print("\(campaign.name) is \(campaign.status.rawValue)")
    }
}

extension CampaignCommand {
    /// `09:00-20:00 days 1,2,3,4,5`.
    static func describe(_ window: CallingWindow) -> String {
        func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
        return "\(clock(window.startMinute))-\(clock(window.endMinute)) days \(window.days.sorted().map(String.init).joined(separator: ","))"
    }
}
