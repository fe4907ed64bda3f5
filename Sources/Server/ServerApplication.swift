import Campaigns
import Hummingbird
import Logging
import Metrics
import Persistence
import Prometheus
import Supervisor

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
    public static func router(
        database: Database, vault: Vault, apiToken: String, hub: SupervisorHub, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        HealthRoutes(database: database).register(on: router)
        MetricsRoute(registry: metrics).register(on: router)
        let api = router.group("api")
            .add(middleware: APIErrorMiddleware(logger: database.logger))
            .add(middleware: BearerTokenMiddleware(token: apiToken))
        AdminAPI(database: database, vault: vault).register(on: api)
        SupervisionAPI(database: database, hub: hub).register(on: api)
        RecordingPlayback(database: database, vault: vault).register(api: api, router: router)
        return router
    }

    /// The application with its supervisor hub, ready for `runService()` (which stops both
    /// gracefully on SIGTERM and SIGINT). Metrics go to the registry `/metrics` shows.
    public static func make(
        database: Database, vault: Vault, apiToken: String, settings: Settings, metrics: PrometheusCollectorRegistry, logger: Logger
    ) -> some ApplicationProtocol {
        let hub = SupervisorHub(database: database, logger: logger)
        return Application(
            router: router(database: database, vault: vault, apiToken: apiToken, hub: hub, metrics: metrics),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "switchboard"),
            services: [SupervisorService(hub: hub)],
            logger: logger)
    }
}
