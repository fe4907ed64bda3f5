import Campaigns
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Persistence
import Prometheus
import Supervisor

/// The HTTP face of Switchboard.
public enum ServerApplication {
    /// Where the server listens, and how.
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        /// The certificate and private key (PEM files) to serve HTTPS with; nil for plain HTTP.
        public var tls: TLSFiles?
        /// bcrypt's cost for the passwords the server checks and sets.
        public var passwordCost: UInt8
        /// Where confirmed erasures are noted, outside the database.
        public var erasureRegister: ErasureRegister?

        public init(
            host: String = "127.0.0.1", port: Int = 8080, tls: TLSFiles? = nil, passwordCost: UInt8 = 12,
            erasureRegister: ErasureRegister? = nil
        ) {
            self.host = host
            self.port = port
            self.tls = tls
            self.passwordCost = passwordCost
            self.erasureRegister = erasureRegister
        }

        /// Whether clients reach the server over TLS: cookies are then `Secure`, and pages say
        /// to come back only over HTTPS (HSTS).
        public var secure: Bool { tls != nil }
    }

    /// The routes, each with who may use it, on a router that tests can call without a socket.
    public static func routes(
        database: Database, vault: Vault, hub: SupervisorHub, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        settings: Settings = Settings()
    ) throws -> Routes {
        let pages = try PageRenderer.bundled()
        let router = Router(context: SwitchboardContext.self)
        router.add(middleware: RequestIDMiddleware())
        if settings.secure { router.add(middleware: StrictTransportSecurity()) }
        router.add(middleware: HTTPMetricsMiddleware())
        router.add(middleware: FailureMiddleware(pages: pages))
        let staff = StaffStore(database, hasher: PasswordHasher(cost: settings.passwordCost))
        let sessions = SessionStore(database)
        router.add(middleware: IdentityMiddleware(sessions: sessions, tokens: APITokenStore(database)))
        let routes = Routes(router: router)
        let site = routes.group("")
        let api = routes.group("api")
        HealthRoutes(database: database).register(on: site)
        MetricsRoute(registry: metrics, campaigns: CampaignGauges(database: database, hub: hub)).register(on: site)
        try StaticAssets.bundled().register(on: site)
        AccountPages(pages: pages, staff: staff, sessions: sessions, cookie: SessionCookie(secure: settings.secure), throttle: SignInThrottle())
            .register(on: site)
        AdminAPI(database: database, vault: vault).register(on: api)
        StaffAPI(staff: staff, tokens: APITokenStore(database)).register(on: api)
        SupervisionAPI(database: database, hub: hub).register(on: api)
        ErasureAPI(store: ErasureStore(database, vault: vault, register: settings.erasureRegister)).register(on: api)
        let description = OpenAPIRoute()
        description.register(on: api)
        RecordingPlayback(database: database, vault: vault).register(api: api, site: site)
        // Last, once every route is known: the description covers them all.
        try description.publish(routes.all)
        return routes
    }

    /// The application with its supervisor hub, ready for `runService()` (which stops both
    /// gracefully on SIGTERM and SIGINT). Metrics go to the registry `/metrics` shows.
    public static func make(
        database: Database, vault: Vault, settings: Settings, metrics: PrometheusCollectorRegistry, logger: Logger
    ) throws -> some ApplicationProtocol {
        let hub = SupervisorHub(database: database, logger: logger)
        return Application(
            router: try routes(database: database, vault: vault, hub: hub, metrics: metrics, settings: settings).router,
            server: try server(settings.tls),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "switchboard"),
            services: [SupervisorService(hub: hub)],
            logger: logger)
    }

    /// HTTP/1.1, over TLS when files are given.
    private static func server(_ tls: TLSFiles?) throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        return try .tls(.http1(), tlsConfiguration: tls.configuration())
    }
}
