import Campaigns
import Foundation
import Hummingbird
import Logging
import Persistence

/// Turns errors into JSON answers once, at the edge: what the caller can fix gets its status
/// and message; anything else is a 500 whose detail goes to the log, not to the caller.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DomainError {
            let status: HTTPResponse.Status =
                switch error.kind {
                case .notFound: .notFound
                case .invalid: .unprocessableContent
                case .conflict: .conflict
                case .forbidden: .forbidden
                }
            return try Self.reply(status, error.description)
        } catch let error as ImportError {
            return try Self.reply(.unprocessableContent, error.description)
        } catch let error as DecodingError {
            return try Self.reply(.badRequest, "the request body does not have the expected shape: \(Self.describe(error))")
        } catch let error as DatabaseError where [.hostUnreachable, .connectionLost, .poolTimeout, .connectionFailed].contains(error.kind) {
            logger.error("database unavailable", metadata: ["error": "\(error)"])
            return try Self.reply(.serviceUnavailable, "the database is unavailable; try again shortly")
        } catch let error as HTTPError {
            return try Self.reply(error.status, error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError {
            return try Self.reply(error.status, error.status.reasonPhrase)
        } catch {
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try Self.reply(.internalServerError, "internal error")
        }
    }

    static func reply(_ status: HTTPResponse.Status, _ message: String) throws -> Response {
        let body = try JSONEncoder().encode(ErrorBody(error: message))
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
