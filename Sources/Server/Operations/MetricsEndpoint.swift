import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// The HTTP face of a process that is not the server (a dialer, `switchboard simulate`):
/// `GET /metrics` with what that process counts, and `GET /health/live`.
public enum MetricsEndpoint {
    /// Serves until the task is cancelled.
    public static func run(registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger) async throws {
        try await make(registry: registry, host: host, port: port, logger: logger).run()
    }

    static func make(registry: PrometheusCollectorRegistry, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        let router = Router(context: SwitchboardContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware())
        let site = Routes(router: router).group("")
        HealthRoutes.registerLiveness(on: site)
        MetricsRoute(registry: registry, campaigns: nil).register(on: site)
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "switchboard-dialer"), logger: logger)
    }
}
