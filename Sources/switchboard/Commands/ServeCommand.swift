import ArgumentParser
import Foundation
import Hummingbird
import Metrics
import Prometheus
import Persistence
import Server

/// `switchboard serve`: the HTTP server, until SIGTERM or Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on (0.0.0.0 for every interface).") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080

    func run() async throws {
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let token = ProcessInfo.processInfo.environment["SWITCHBOARD_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            ?? UUID().uuidString.lowercased()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let app = ServerApplication.make(
            database: workspace.database, vault: workspace.vault, apiToken: token, settings: .init(host: host, port: port),
            metrics: registry, logger: workspace.logger)
        Console.step("Listening on http://\(host):\(port) (Ctrl-C stops)")
        if ProcessInfo.processInfo.environment["SWITCHBOARD_API_TOKEN"] == nil {
            Console.step("API token for this run (set SWITCHBOARD_API_TOKEN to choose one): \(token)")
        }
        try await app.runService()
    }
}
