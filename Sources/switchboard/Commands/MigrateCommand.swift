import ArgumentParser
import Campaigns
import Persistence

/// `switchboard migrate`: brings the schema up to date and says what it applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending schema migrations (safe to run any number of times).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let url = try await global.databaseLocation.connect()
        let database = Database(DatabaseConfiguration(url: url, maxConnections: 1), logger: global.logger)
        defer { database.close() }
        let applied = try await Schema.migrator().migrate(database)
        if applied.isEmpty {
            print("The schema is up to date (\(try await Migrator.appliedVersions(database).count) migrations applied earlier).")
        } else {
            for migration in applied { print("applied \(migration.version): \(migration.name)") }
        }
    }
}
