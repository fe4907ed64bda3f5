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
                sources.map { [$0.name, $0.kind.rawValue, CalendarDay.text($0.acquiredOn), $0.previousController ?? "", CalendarDay.text($0.controllerChangeNotifiedAt)] })
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a data source.")
        @OptionGroup var global: GlobalOptions
        @Argument var name: String
        @Option(help: "web_form, chat, purchased_list, partner, manual or import.") var kind: DataSource.Kind
        @Option(help: "When the data was acquired (YYYY-MM-DD).") var acquired: CalendarDay?
        @Option(help: "For a bought or transferred list: the controller it came from.") var previousController: String?
        @Option(help: "When the people were told of the change of controller (YYYY-MM-DD).") var notified: CalendarDay?

        func run() async throws {
            let workspace = try await Workspace.open(global)
            defer { workspace.close() }
            let source = try await DataSourceStore(workspace.database).create(
                name: name, kind: kind, acquiredOn: acquired?.date, previousController: previousController,
                controllerChangeNotifiedAt: notified?.date, actor: workspace.actor)
            print("added source \(source.name) (\(source.kind.rawValue))")
        }
    }
}
