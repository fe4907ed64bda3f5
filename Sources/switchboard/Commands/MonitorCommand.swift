import ArgumentParser
import Campaigns
import Foundation
import Persistence
import Supervisor
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// `switchboard monitor --campaign NAME`: the campaign's figures and agents in the terminal,
/// refreshed as events arrive; plain ANSI, so it works in tmux and over ssh.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "A live terminal dashboard of a campaign (Ctrl-C quits).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The campaign to watch.") var campaign: String
    @Flag(help: "Print one frame and quit, without terminal control codes.") var once = false

    func run() async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let watched = try await CampaignStore(workspace.database).named(campaign)
        let hub = SupervisorHub(database: workspace.database, logger: workspace.logger)
        let names = AgentNames(database: workspace.database)
        if once {
            _ = await hub.viewer(campaignID: watched.id)
            var lines = try await frame(hub: hub, campaign: watched, names: names, size: TerminalSize.current)
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }  // the screen's padding
            print(lines.joined(separator: "\n"))
            return
        }
        let stream = await hub.viewer(campaignID: watched.id)
        TerminalSize.enterFullScreen()
        defer { TerminalSize.leaveFullScreen() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await hub.run() }
            group.addTask {
                var last = ContinuousClock.now - .seconds(2)
                for await _ in stream where ContinuousClock.now - last >= .milliseconds(500) {
                    last = ContinuousClock.now
                    let lines = try await frame(hub: hub, campaign: watched, names: names, size: TerminalSize.current)
                    print("\u{1B}[H" + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\n"), terminator: "")
                    fflush(nil)
                }
            }
            group.addTask { try await TerminalSize.waitForInterrupt() }
            try await group.next()
            group.cancelAll()
        }
    }

    private func frame(hub: SupervisorHub, campaign: Campaign, names: AgentNames, size: (width: Int, height: Int)) async throws -> [String] {
        let snapshot = hub.snapshot(campaignID: campaign.id)
        let now = snapshot.figures?.to ?? Date()
        let trend = try await StatisticsStore(names.database).successTrend(
            campaignID: campaign.id, from: DayBoundary.startOfDay(now), to: now)
        let agents = try await names.named(snapshot.agents)
        return MonitorScreen(campaign: campaign.name, figures: snapshot.figures, agents: agents, alerts: snapshot.alerts, trend: trend, now: now)
            .render(width: size.width, height: size.height)
    }
}

/// Agents' names by id, looked up again only when an agent it does not know appears.
final class AgentNames: Sendable {
    let database: Database
    private let known = Mutex<[Int: String]>([:])

    init(database: Database) { self.database = database }

    func named(_ states: [AgentLiveState]) async throws -> [(name: String, state: AgentLiveState)] {
        if known.withLock({ known in states.contains { known[$0.agentID] == nil } }) {
            let names = try await database.query("SELECT id, name FROM agents").decode((Int, String).self)
            known.withLock { known in for (id, name) in names { known[id] = name } }
        }
        let names = known.withLock { $0 }
        return states.map { (names[$0.agentID] ?? "agent \($0.agentID)", $0) }
    }
}

/// The terminal the monitor draws in.
enum TerminalSize {
    static var current: (width: Int, height: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), Int(size.ws_row))
        }
        let environment = ProcessInfo.processInfo.environment
        return (environment["COLUMNS"].flatMap(Int.init) ?? 100, environment["LINES"].flatMap(Int.init) ?? 30)
    }

    /// The alternate screen, without a cursor; tmux and ssh terminals know both.
    static func enterFullScreen() {
        print("\u{1B}[?1049h\u{1B}[?25l\u{1B}[2J", terminator: "")
        fflush(nil)
    }

    static func leaveFullScreen() {
        print("\u{1B}[?25h\u{1B}[?1049l", terminator: "")
        fflush(nil)
    }

    /// Returns when the user presses Ctrl-C or the program is told to end (SIGTERM, or SIGHUP
    /// when the ssh session or the tmux pane goes), so the screen is restored before it ends.
    static func waitForInterrupt() async throws {
        let (interrupts, continuation) = AsyncStream.makeStream(of: Void.self)
        let sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in continuation.yield() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        for await _ in interrupts { return }
    }
}
