import Logging
import Prometheus
import Server

/// A dialer command's metrics, served while its work runs when a port is given.
struct DialerMetricsEndpoint {
    let registry: PrometheusCollectorRegistry?
    let host: String
    let port: Int?
    let logger: Logger

    /// Runs `work` with the metrics endpoint listening beside it, and stops the endpoint when
    /// the work ends; without a port or registry, just runs the work.
    func serving<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) async throws -> Result {
        guard let registry, let port else { return try await work() }
        Console.step("Metrics on http://\(host):\(port)/metrics")
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await MetricsEndpoint.run(registry: registry, host: host, port: port, logger: logger)
                return nil
            }
            group.addTask { try await work() }
            defer { group.cancelAll() }
            while let finished = try await group.next() {
                if let result = finished { return result }
            }
            throw CancellationError()
        }
    }
}
