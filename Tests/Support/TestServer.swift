import Foundation
import Logging
import Campaigns
import Persistence
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server of one test run and its migrated template database.
struct TestServer: Sendable {
    let configuration: DatabaseConfiguration
    let template: SQLIdentifier

    /// Started on first use; every test of the run shares it.
    static let shared = Task { try await TestServer.start() }

    private static func start() async throws -> TestServer {
        let url: String
        switch DatabaseLocation(url: ProcessInfo.processInfo.environment["DATABASE_URL"], otherwise: ThrowawayCluster.cluster) {
        case .server(let given):
            url = given
        case .embedded:
            ThrowawayCluster.removeLeftovers()
            url = try await ThrowawayCluster.start()
        }
        let template = SQLIdentifier(validating: "switchboard_template_\(getpid())")!
        let server = TestServer(configuration: DatabaseConfiguration(url: url, maxConnections: 2), template: template)
        try await server.makeTemplate()
        atexit { TestServer.cleanUp() }
        return server
    }

    /// What `atexit` must undo; set once the template exists.
    private static let leftover = Mutex<(configuration: DatabaseConfiguration, template: SQLIdentifier)?>(nil)

    private func makeTemplate() async throws {
        let maintenance = Database(configuration, logger: testLogger)
        defer { maintenance.close() }
        try await maintenance.execute("DROP DATABASE IF EXISTS \(template)")
        try await maintenance.execute("CREATE DATABASE \(template)")
        Self.leftover.withLock { $0 = (configuration, template) }
        let templateDatabase = Database(configuration.with(databaseName: template.name), logger: testLogger)
        try await Schema.migrator().migrate(templateDatabase)
        templateDatabase.close()
        // A template with open connections cannot be copied; forbid them.
        try await maintenance.execute("ALTER DATABASE \(template) ALLOW_CONNECTIONS false")
    }

    func createDatabase(named name: String) async throws {
        let maintenance = Database(configuration, logger: testLogger)
        defer { maintenance.close() }
        try await maintenance.execute("CREATE DATABASE \(SQLIdentifier(validating: name)!) TEMPLATE \(template)")
    }

    func dropDatabase(named name: String) async throws {
        let maintenance = Database(configuration, logger: testLogger)
        defer { maintenance.close() }
        try await maintenance.execute("DROP DATABASE IF EXISTS \(SQLIdentifier(validating: name)!) WITH (FORCE)")
    }

    /// Runs at process exit: drops the template, then stops and deletes a throwaway cluster.
    private static func cleanUp() {
        if let (configuration, template) = leftover.withLock({ $0 }) {
            let maintenance = Database(configuration, logger: testLogger)
            _ = try? maintenance.execute("DROP DATABASE IF EXISTS \(template) WITH (FORCE)")
            maintenance.close()
        }
        ThrowawayCluster.stopAndRemove()
    }
}
