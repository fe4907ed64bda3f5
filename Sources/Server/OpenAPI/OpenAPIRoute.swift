import Hummingbird
import Synchronization

/// `GET /api/openapi.json`: the description of the JSON API, made once every route is known.
final class OpenAPIRoute: Sendable {
    private let document = Mutex(ByteBuffer())

    func register(on api: RouteGroup) {
        api.get(
            "openapi.json", .anyone,
            doc: .read("This description of the JSON API (OpenAPI 3.1)", .object([:], required: ["openapi", "paths"]))
        ) { [self] _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: document.withLock { $0 }))
        }
    }

    /// Makes the document from every route registered, this one included.
    func publish(_ routes: [Routes.Route]) throws {
        let json = try OpenAPIDocument(routes: routes).json()
        document.withLock { $0 = ByteBuffer(bytes: json) }
    }
}
