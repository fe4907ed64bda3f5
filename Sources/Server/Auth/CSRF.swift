import Campaigns
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery: a change (POST, PUT, PATCH, DELETE) that a browser session
/// sends must prove it came from one of our pages, by the session's CSRF token in an
/// `X-CSRF-Token` header (the pages' scripts) or a `_csrf` field of a form. API tokens are not
/// sent by browsers on their own, so requests carrying one need no CSRF token.
enum CSRF {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let field = "_csrf"
    /// Forms are small; an upload goes through a script with the header.
    static let maximumFormBytes = 1 << 20

    /// The request, its form body read (and kept for the handler) when the token had to be
    /// found there; throws when a session's change lacks the token.
    static func checked(_ request: Request, context: SwitchboardContext) async throws -> Request {
        guard let session = context.identity?.session, ![.get, .head, .options].contains(request.method) else { return request }
        if let sent = request.headers[header] {
            guard matches(sent, session.csrfToken) else { throw AccessError.csrfTokenMissing }
            return request
        }
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            throw AccessError.csrfTokenMissing
        }
        var request = request
        let body = try await request.body.collect(upTo: maximumFormBytes)
        request.body = .init(buffer: body)
        guard let sent = FormFields(String(buffer: body))[field], matches(sent, session.csrfToken) else {
            throw AccessError.csrfTokenMissing
        }
        return request
    }

    /// Compares in constant time, so timing tells nothing of the token.
    static func matches(_ sent: String, _ expected: String) -> Bool {
        let left = Data(SHA256.hash(data: Data(sent.utf8))), right = Data(SHA256.hash(data: Data(expected.utf8)))
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
