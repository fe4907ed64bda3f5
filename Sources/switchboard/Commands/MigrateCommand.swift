import ArgumentParser
import Persistence

/// `switchboard migrate`: brings the schema up to date and says what it applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending schema migrations (safe to run any number of times).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let logger = global.logger
        let url: String
        if let given = global.databaseURL {
            url = given
        } else {
            url = try await EmbeddedCluster(folder: global.dataFolder + "/postgres", logger: logger).start()
        }
        let database = Database(DatabaseConfiguration(url: url, maxConnections: 1), logger: logger)
        defer { database.close() }
        let applied = try await Migrator.bundled().migrate(database)
        if applied.isEmpty {
            print("The schema is up to date (\(try await Migrator.appliedVersions(database).count) migrations applied earlier).")
        } else {
            for migration in applied { print("applied \(migration.version): \(migration.name)") }
        }
    }
}
