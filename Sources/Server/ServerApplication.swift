import Hummingbird
import Logging
import Persistence

/// The HTTP face of Switchboard.
public enum ServerApplication {
    /// Where the server listens.
    public struct Settings: Sendable {
        public var host: String
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }

    /// The routes, for tests that call them without a socket.
    public static func router(database: Database) -> Router<BasicRequestContext> {
        let router = Router()
        HealthRoutes(database: database).register(on: router)
        return router
    }

    /// The application, ready for `runService()` (which stops gracefully on SIGTERM and SIGINT).
    public static func make(database: Database, settings: Settings, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(database: database),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "switchboard"),
            logger: logger)
    }
}
