import Campaigns
import HTTPTypes
import Hummingbird

/// The application's routes, each registered with who may use it. It is the one way to add a
/// route (the router itself stays inside), so no route exists without a rule, and `all` is the
/// list a test walks through, route by role.
///
/// Every handler runs behind its rule: an unknown caller gets `AccessError.unauthenticated`, a
/// member without the role `.forbidden`; a change sent from a browser session must carry the
/// session's CSRF token (`CSRF`).
public final class Routes {
    /// One route and its rule.
    public struct Route: Sendable, Hashable, CustomStringConvertible {
        public let method: HTTPRequest.Method
        /// With Hummingbird's parameters: `/api/campaigns/:id/figures`.
        public let path: String
        public let access: Access
        /// What the OpenAPI description says of it; every route under `/api` has one.
        public let operation: APIOperation?

        public var description: String { "\(method) \(path) (\(access))" }
    }

    /// The Hummingbird router the routes are on, for `Application(router:)`.
    public let router: Router<SwitchboardContext>
    /// Every route registered so far, in order.
    public private(set) var all: [Route] = []

    init(router: Router<SwitchboardContext>) {
        self.router = router
    }

    /// Routes under a path prefix such as `/api`.
    public func group(_ prefix: String) -> RouteGroup {
        RouteGroup(routes: self, prefix: RouteGroup.joined("", prefix))
    }

    func add<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String, _ access: Access, _ operation: APIOperation?,
        _ handler: @escaping @Sendable (Request, SwitchboardContext) async throws -> Output
    ) {
        all.append(Route(method: method, path: path, access: access, operation: operation))
        router.on(RouterPath(path), method: method) { request, context in
            switch access.verdict(for: context.identity) {
            case .admitted: break
            case .unauthenticated: throw AccessError.unauthenticated
            case .passwordChangeRequired: throw AccessError.passwordChangeRequired
            case .forbidden: throw AccessError.forbidden(access)
            }
            let request = try await CSRF.checked(request, context: context)
            return try await handler(request, context)
        }
    }
}

/// Routes sharing a path prefix.
public struct RouteGroup {
    let routes: Routes
    let prefix: String

    public func group(_ path: String) -> RouteGroup {
        RouteGroup(routes: routes, prefix: Self.joined(prefix, path))
    }

    public func get<Output: ResponseGenerator>(
        _ path: String = "", _ access: Access, doc operation: APIOperation? = nil,
        use handler: @escaping @Sendable (Request, SwitchboardContext) async throws -> Output
    ) {
        routes.add(.get, Self.joined(prefix, path), access, operation, handler)
    }

    public func post<Output: ResponseGenerator>(
        _ path: String = "", _ access: Access, doc operation: APIOperation? = nil,
        use handler: @escaping @Sendable (Request, SwitchboardContext) async throws -> Output
    ) {
        routes.add(.post, Self.joined(prefix, path), access, operation, handler)
    }

    public func put<Output: ResponseGenerator>(
        _ path: String = "", _ access: Access, doc operation: APIOperation? = nil,
        use handler: @escaping @Sendable (Request, SwitchboardContext) async throws -> Output
    ) {
        routes.add(.put, Self.joined(prefix, path), access, operation, handler)
    }

    public func delete<Output: ResponseGenerator>(
        _ path: String = "", _ access: Access, doc operation: APIOperation? = nil,
        use handler: @escaping @Sendable (Request, SwitchboardContext) async throws -> Output
    ) {
        routes.add(.delete, Self.joined(prefix, path), access, operation, handler)
    }

    /// `/api` + `campaigns/:id` → `/api/campaigns/:id`.
    static func joined(_ prefix: String, _ path: String) -> String {
        let parts = (prefix.split(separator: "/") + path.split(separator: "/")).map(String.init)
        return "/" + parts.joined(separator: "/")
    }
}
