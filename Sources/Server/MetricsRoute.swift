import Hummingbird
import Prometheus

/// `GET /metrics`: what swift-metrics recorded, in Prometheus's text format.
struct MetricsRoute: Sendable {
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<BasicRequestContext>) {
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}
