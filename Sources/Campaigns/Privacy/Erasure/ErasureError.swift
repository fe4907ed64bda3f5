/// Why an erasure request cannot be filed or decided as asked.
public enum ErasureError: DomainError, Hashable {
    /// The contact has a pending request already.
    case alreadyPending(contactID: Int, requestID: Int)
    /// The contact's data is erased already.
    case alreadyErased(contactID: Int)
    case alreadyDecided(id: Int, status: ErasureRequest.Status)
    /// Only the one who filed a request, or a supervisor, may undo it.
    case undoNotAllowed(id: Int)
    case supervisorRequired(id: Int)
    /// Four eyes: the one who filed a request may not confirm or reject it.
    case ownRequest(id: Int)
    /// A request needs its reason, for the record the person may ask to see.
    case noReason

    public var kind: FailureKind {
        switch self {
        case .alreadyPending, .alreadyErased, .alreadyDecided: .conflict
        case .undoNotAllowed, .supervisorRequired, .ownRequest: .forbidden
        case .noReason: .invalid
        }
    }

    public var code: String {
        "erasure." + {
            switch self {
            case .alreadyPending: "already_pending"
            case .alreadyErased: "already_erased"
            case .alreadyDecided: "already_decided"
            case .undoNotAllowed: "undo_not_allowed"
            case .supervisorRequired: "supervisor_required"
            case .ownRequest: "own_request"
            case .noReason: "no_reason"
            }
        }()
    }

    public var description: String {
        switch self {
        case .alreadyPending(let contact, let request): "contact \(contact) has a pending erasure request already (\(request))"
        case .alreadyErased(let contact): "the data of contact \(contact) is erased already"
        case .alreadyDecided(let id, let status): "erasure request \(id) is \(status.rawValue) already"
        case .undoNotAllowed(let id): "only the one who filed erasure request \(id), or a supervisor, may undo it"
        case .supervisorRequired(let id): "only a supervisor may confirm or reject erasure request \(id)"
        case .ownRequest(let id): "erasure request \(id) was filed by you: another supervisor must decide it (four eyes)"
        case .noReason: "an erasure request needs its reason (how and when the person asked)"
        }
    }
}
