import Foundation
import Hummingbird

/// Any encodable value as a JSON response body.
struct Reply<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    init(_ value: Value) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

/// The body of every error the API returns: `{"error": "..."}`.
struct ErrorBody: Codable, Sendable {
    let error: String
}
