import ArgumentParser
import Foundation
import Logging

/// The command line: every administrator action is a verb, so the system can be scripted.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A telemarketing campaign dialer simulator with live supervision, GDPR built in.",
        discussion: """
            Without DATABASE_URL, Switchboard runs its own PostgreSQL in the data folder (.switchboard/postgres).
            Start with: switchboard demo
            """,
        subcommands: [
            DemoCommand.self, DatabaseCommand.self, MigrateCommand.self, ConsentCommand.self, SourceCommand.self,
            ImportCommand.self, ExportCommand.self, ScriptCommand.self, CampaignCommand.self, DoNotCallCommand.self,
            ActivityCommand.self, SimulateCommand.self, PlanCommand.self, MonitorCommand.self, ReportCommand.self,
            StaffCommand.self, ErasureCommand.self, BenchCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command and reports its failure through `CommandLineEdge`.
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let (message, status) = CommandLineEdge.report(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
            exit(withError: ExitCode(status))
        }
    }
}
