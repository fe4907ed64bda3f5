import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Persistence

/// Turns errors into answers once, at the edge. Under `/api` an answer is JSON: a
/// `DomainError` gets the status of its kind, its code and its message. Elsewhere it is a page:
/// nobody signed in goes to the sign-in page (and comes back after), an expired password to
/// the password page, anything else gets an error page in the reader's language. Whatever the
/// server did wrong is a 500 whose detail goes to the log
/// (with the request's id, which an API caller gets too), never to the caller.
struct FailureMiddleware: RouterMiddleware {
    let pages: PageRenderer

    func handle(
        _ request: Request, context: SwitchboardContext, next: (Request, SwitchboardContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = APIFailure(error)
            if answer.status.code >= 500 {
                context.logger.error(
                    "request failed",
                    metadata: ["method": "\(request.method)", "route": "\(context.endpointPath ?? "unmatched")", "code": "\(answer.code)",
                               "error": "\(error)"])
            }
            if request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") { return try answer.response(requestID: context.id) }
            return try page(for: error, answer, request, context)
        }
    }

    private func page(for error: any Error, _ answer: APIFailure, _ request: Request, _ context: SwitchboardContext) throws -> Response {
        switch error as? AccessError {
        case .unauthenticated:
            return Self.redirect(to: "/sign-in?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        case .passwordChangeRequired:
            return Self.redirect(to: "/password")
        default:
            let words = pages.strings.table(Language.of(request))
            return try pages.page(
                "error", title: "error.title", request, context,
                ["status": answer.status.code, "message": words["error." + answer.code] ?? answer.message], status: answer.status)
        }
    }

    /// A 303: after a form, the browser asks for the next page with GET.
    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }
}

/// What the API answers for an error: a status, a stable code and a message for the caller.
struct APIFailure: Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// The one place where an error becomes an answer.
    init(_ error: any Error) {
        switch error {
        case let error as any DomainError:
            guard error.kind != .internal else {
                self.init(status: .internalServerError, code: "internal", message: "internal error")
                return
            }
            self.init(status: Self.status(of: error.kind), code: error.code, message: error.description)
        case let error as DecodingError:
            self.init(
                status: .badRequest, code: "request.malformed_body",
                message: "the request body does not have the expected shape: \(Self.describe(error))")
        case let error as DatabaseError where error.isUnavailable:
            self.init(status: .serviceUnavailable, code: "database.unavailable", message: "the database is unavailable; try again shortly")
        case let error as HTTPError:
            self.init(status: error.status, code: "http.\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            self.init(status: error.status, code: "http.\(error.status.code)", message: error.status.reasonPhrase)
        default:
            self.init(status: .internalServerError, code: "internal", message: "internal error")
        }
    }

    static func status(of kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .notFound: .notFound
        case .invalid: .unprocessableContent
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .throttled: .tooManyRequests
        case .forbidden: .forbidden
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        }
    }

    /// The answer, with the id of the request it answers.
    func response(requestID: String?) throws -> Response {
        let body = try JSONEncoder().encode(ErrorBody(error: message, code: code, requestId: requestID))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.debugDescription + (context.codingPath.isEmpty ? "" : " at " + context.codingPath.map(\.stringValue).joined(separator: "."))
        @unknown default: "malformed"
        }
    }
}
