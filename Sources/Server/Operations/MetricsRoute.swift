import Hummingbird
import Prometheus
import Supervisor

/// `GET /metrics`: what swift-metrics recorded, in Prometheus's text format, after reading
/// the process's own figures and, in the server, refreshing the campaigns' gauges.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry
    let process: ProcessMetrics
    let campaigns: CampaignGauges?

    init(registry: PrometheusCollectorRegistry, campaigns: CampaignGauges?) {
        self.registry = registry
        self.process = ProcessMetrics(registry: registry)
        self.campaigns = campaigns
    }

    func register(on site: RouteGroup) {
        site.get("metrics", .anyone) { _, _ in
            process.update()
            await campaigns?.refreshIfDue()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
