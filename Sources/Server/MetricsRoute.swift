import Hummingbird
import Prometheus

/// `GET /metrics`: what swift-metrics recorded, in Prometheus's text format.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry

    func register(on site: RouteGroup) {
        site.get("metrics", .anyone) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
