import Foundation
import Logging
import Persistence

/// A fresh, migrated database for each test, on a server shared by the whole test run.
///
/// The server is `DATABASE_URL`'s when it is set; otherwise a throwaway PostgreSQL cluster
/// started once per run in a temporary folder and stopped (and deleted) when the run ends.
/// The schema is migrated once into a template database; each test gets a copy of it
/// (`CREATE DATABASE ... TEMPLATE`, about 0.1 s), dropped when the test ends.
public enum TestDatabase {
    /// Runs `body` with a database of its own, then drops that database.
    public static func withFresh<T: Sendable>(
        maxConnections: Int = 4, _ body: (Database) async throws -> T
    ) async throws -> T {
        let server = try await TestServer.shared.value
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await server.createDatabase(named: name)
        var configuration = server.configuration.with(databaseName: name)
        configuration.maxConnections = maxConnections
        let database = Database(configuration, logger: testLogger)
        do {
            let result = try await body(database)
            database.close()
            try await server.dropDatabase(named: name)
            return result
        } catch {
            database.close()
            try? await server.dropDatabase(named: name)
            throw error
        }
    }

    /// A folder that is deleted when the test run ends, with any server running in it.
    public static var scratchFolder: String { ThrowawayCluster.folder }

    /// The connection settings of the test server's maintenance database.
    public static func serverConfiguration() async throws -> DatabaseConfiguration {
        try await TestServer.shared.value.configuration
    }
}

/// Logs only what matters in a test run; `TEST_LOG_LEVEL=debug` shows more.
public let testLogger: Logger = {
    var logger = Logger(label: "switchboard.tests")
    logger.logLevel = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
    return logger
}()
