import ArgumentParser
import Campaigns
import Foundation

/// `switchboard source …`: where contacts come from.
struct SourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source", abstract: "Data sources: where contacts come from.", subcommands: [List.self, Add.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List data sources.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let sources = try await DataSourceStore(workspace.database).all()
            Console.table(
                ["name", "kind", "acquired", "previous controller", "people informed"],
                sources.map { [$0.name, $0.kind.rawValue, Dates.day($0.acquiredOn), $0.previousController ?? "", Dates.day($0.controllerChangeNotifiedAt)] })
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a data source.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "web_form, chat, purchased_list, partner, manual or import.") var kind: DataSource.Kind
        @Option(help: "When the data was acquired (YYYY-MM-DD).") var acquired: String?
        @Option(help: "For a bought or transferred list: the controller it came from.") var previousController: String?
        @Option(help: "When the people were told of the change of controller (YYYY-MM-DD).") var notified: String?

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let source = try await DataSourceStore(workspace.database).create(
                name: name, kind: kind, acquiredOn: try Dates.parseDay(acquired), previousController: previousController,
                controllerChangeNotifiedAt: try Dates.parseDay(notified), actor: Actor.cli)
            print("added source \(source.name) (\(source.kind.rawValue))")
        }
    }
}

extension DataSource.Kind: ExpressibleByArgument {}

/// Days on the command line: YYYY-MM-DD in, the same out.
enum Dates {
    static func parseDay(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let date = formatter.date(from: text) else { throw CommandFailure("a day is YYYY-MM-DD, not \(text)") }
        return date
    }

    static func day(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
