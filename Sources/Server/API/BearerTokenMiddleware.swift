import Crypto
import Foundation
import Hummingbird

/// Admits requests that carry `Authorization: Bearer <token>`. Until staff accounts exist this
/// token is the API's one key; compared in constant time.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            Self.equal(Data(header.dropFirst(7).utf8), Data(token.utf8))
        else {
            var response = try APIFailure(
                status: .unauthorized, code: "auth.token_missing", message: "this route needs Authorization: Bearer <API token>"
            ).response()
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    private static func equal(_ lhs: Data, _ rhs: Data) -> Bool {
        let left = Data(SHA256.hash(data: lhs)), right = Data(SHA256.hash(data: rhs))
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
