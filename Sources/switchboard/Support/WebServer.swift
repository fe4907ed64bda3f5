import Campaigns
import Hummingbird
import Metrics
import Persistence
import Prometheus
import Server

/// The web application as `serve` and `demo` run it: metrics bootstrapped once for the process,
/// the port the user asked for, or a free one when that is taken (and the address says which).
enum WebServer {
    /// The application and where it listens.
    static func make(_ workspace: Workspace, host: String, port: Int) throws -> (app: some ApplicationProtocol, address: String) {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let port = FreePort.find(preferring: port) ?? port
        let app = try ServerApplication.make(
            database: workspace.database, vault: workspace.vault, settings: .init(host: host, port: port, erasureRegister: workspace.erasureRegister), metrics: registry,
            logger: workspace.logger)
        return (app, "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)")
    }
}
