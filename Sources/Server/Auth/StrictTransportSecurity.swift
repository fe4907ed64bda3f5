import HTTPTypes
import Hummingbird

/// Over HTTPS, tells browsers to come back only over HTTPS for a year (HSTS), so that no later
/// visit can be downgraded to plain HTTP where a session cookie could be read.
struct StrictTransportSecurity<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("Strict-Transport-Security")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = "max-age=31536000; includeSubDomains"
        return response
    }
}
