import Campaigns
import Hummingbird

/// Finds who a request comes from: an `Authorization: Bearer sbt_…` API token, else the
/// session cookie. It decides nothing: each route's `Access` does.
struct IdentityMiddleware: RouterMiddleware {
    let sessions: SessionStore
    let tokens: APITokenStore

    func handle(
        _ request: Request, context: SwitchboardContext, next: (Request, SwitchboardContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            context.identity = try await tokens.member(token: String(header.dropFirst(7))).map { Identity(member: $0, credential: .token) }
        } else if let token = SessionCookie.token(in: request) {
            context.identity = try await sessions.session(token: token).map { Identity(member: $0.member, credential: .session($0)) }
        }
        return try await next(request, context)
    }
}
