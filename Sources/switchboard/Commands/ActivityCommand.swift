import ArgumentParser
import Campaigns
import Foundation

/// `switchboard activity`: the latest entries of the activity log.
struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activity", abstract: "Who did what, when (newest first).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "How many entries.") var limit: Int = 30

    func run() async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let entries = try await ActivityLog(workspace.database).recent(limit: limit)
        Console.table(
            ["when", "who", "action", "subject", "details"],
            entries.map {
                [ISO8601DateFormatter().string(from: $0.at), $0.actor, $0.action, $0.subject ?? "",
                 $0.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
            })
    }
}
