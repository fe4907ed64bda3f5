import Metrics
import Prometheus

/// Where every process's metrics go: a Prometheus registry behind swift-metrics, with
/// histogram buckets fit for what Switchboard times (a claim or a write takes milliseconds;
/// a slow one, seconds) and counts (calls per write).
public enum MetricsSetup {
    /// Makes the registry and bootstraps swift-metrics with it; once per process, before any
    /// metric is made (a metric made earlier stays a no-op).
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(factory(registry))
        return registry
    }

    /// The factory `bootstrap` installs, for tests that bootstrap their own.
    public static func factory(_ registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ]
        // From a call per write to the batches of a busy dialer (past 50 a transaction gains little).
        factory.valueHistogramBuckets["switchboard_dialer_write_batch_calls"] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000]
        return factory
    }
}
