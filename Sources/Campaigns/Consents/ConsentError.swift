/// Why a consent type or a consent entry is refused.
public enum ConsentError: DomainError, Hashable {
    case untitled
    case emptyText
    case codeTaken(String)
    case malformedCode(String)

    public var kind: FailureKind {
        switch self {
        case .codeTaken: .conflict
        default: .invalid
        }
    }

    public var code: String {
        switch self {
        case .untitled: "consent.untitled"
        case .emptyText: "consent.empty_text"
        case .codeTaken: "consent.code_taken"
        case .malformedCode: "consent.malformed_code"
        }
    }

    public var description: String {
        switch self {
        case .untitled: "a consent type needs a title and a text"
        case .emptyText: "a consent text cannot be empty"
        case .codeTaken(let code): "the consent type \"\(code)\" exists already; revise its text instead"
        case .malformedCode(let code): "a consent code is lower-case letters, digits and underscores, starting with a letter: \"\(code)\""
        }
    }
}
