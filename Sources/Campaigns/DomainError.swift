/// A request the domain refuses: something missing, something invalid, a rule broken.
/// The description is meant for the person who made the request.
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case notFound = "not found"
        case invalid
        case conflict
        case forbidden
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    public static func notFound(_ what: String, _ name: String) -> DomainError {
        DomainError(.notFound, "there is no \(what) \"\(name)\"")
    }

    public static func invalid(_ message: String) -> DomainError {
        DomainError(.invalid, message)
    }

    public static func conflict(_ message: String) -> DomainError {
        DomainError(.conflict, message)
    }
}
