import Campaigns
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

    /// The routes, for tests that call them without a socket. The API under `/api` admits
    /// requests with `Authorization: Bearer <apiToken>`.
    public static func router(database: Database, vault: Vault, apiToken: String) -> Router<BasicRequestContext> {
        let router = Router()
        HealthRoutes(database: database).register(on: router)
        let api = router.group("api")
            .add(middleware: APIErrorMiddleware(logger: database.logger))
            .add(middleware: BearerTokenMiddleware(token: apiToken))
        AdminAPI(database: database, vault: vault).register(on: api)
        return router
    }

    /// The application, ready for `runService()` (which stops gracefully on SIGTERM and SIGINT).
    public static func make(database: Database, vault: Vault, apiToken: String, settings: Settings, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(database: database, vault: vault, apiToken: apiToken),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "switchboard"),
            logger: logger)
    }
}
