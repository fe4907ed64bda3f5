import Foundation
import Hummingbird

/// Any encodable value as a JSON response body: keys sorted, slashes left alone (links read as
/// links), dates in ISO 8601.
struct Reply<Value: Encodable & Sendable>: ResponseGenerator {
    let value: Value

    init(_ value: Value) { self.value = value }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

/// The body of every error the API returns:
/// `{"error": "what went wrong", "code": "area.case", "requestId": "…"}`; the request id is
/// also the answer's `X-Request-ID` and tags the server's log lines about the request.
struct ErrorBody: Codable, Sendable {
    let error: String
    let code: String
    let requestId: String?
}
