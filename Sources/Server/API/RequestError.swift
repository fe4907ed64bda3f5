import Campaigns

/// Why a request's parameters are refused before any domain code runs.
enum RequestError: DomainError, Hashable {
    /// A query parameter the route needs is absent; `example` shows how to give it.
    case missingParameter(name: String, example: String)
    /// A parameter's value is not one the route takes; `expected` says what it takes.
    case badParameter(name: String, expected: String)
    /// Exactly one of two fields must be given.
    case eitherField(String, or: String)

    var kind: FailureKind { .invalid }

    var code: String {
        switch self {
        case .missingParameter: "request.missing_parameter"
        case .badParameter: "request.bad_parameter"
        case .eitherField: "request.either_field"
        }
    }

    var description: String {
        switch self {
        case .missingParameter(let name, let example): "the request needs \(name): \(example)"
        case .badParameter(let name, let expected): "\(name) is \(expected)"
        case .eitherField(let first, let second): "give either \"\(first)\" or \"\(second)\""
        }
    }
}
