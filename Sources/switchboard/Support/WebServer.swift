import Campaigns
import Hummingbird
import Persistence
import Prometheus
import Server

/// The web application as `serve` and `demo` run it: the metrics the command bootstrapped
/// (`MetricsSetup.bootstrap()`, first thing, so that the pool's count too), the port the user
/// asked for, or a free one when that is taken (and the address says which).
enum WebServer {
    /// The application and where it listens.
    static func make(
        _ workspace: Workspace, host: String, port: Int, tls: TLSFiles? = nil, metrics registry: PrometheusCollectorRegistry
    ) throws -> (app: some ApplicationProtocol, address: String) {
        let port = FreePort.find(preferring: port) ?? port
        let app = try ServerApplication.make(
            database: workspace.database, vault: workspace.vault,
            settings: .init(host: host, port: port, tls: tls, erasureRegister: workspace.erasureRegister), metrics: registry,
            logger: workspace.logger)
        return (app, "\(tls == nil ? "http" : "https")://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)")
    }
}
