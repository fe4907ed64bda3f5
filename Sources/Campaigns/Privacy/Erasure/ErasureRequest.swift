import Foundation
import Persistence

/// A person's request to be forgotten (GDPR art. 17), as a value: a decision goes in, the new
/// state and what to do about it come out. Four eyes: whoever files a request cannot confirm
/// or reject it; only a supervisor decides; it can be undone while it is pending, by the one
/// who filed it or a supervisor.
public struct ErasureRequest: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable, SQLTextEnum {
        case pending, undone, confirmed, rejected
    }

    /// What a request's holder may decide.
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        case undo, confirm, reject
    }

    /// What deciding asks the store to carry out.
    public enum Action: Sendable, Hashable {
        /// Destroy the person's data: the contact's key, history, recordings, proofs, hashes.
        case erase
        /// The contact is eligible again: back into the queues it qualifies for.
        case returnToQueues
    }

    public let id: Int
    public let contactID: Int
    public private(set) var status: Status
    public let requestedAt: Date
    /// The actor who filed it, as the activity log names them (`staff:ola.nowak`).
    public let requestedBy: String
    public private(set) var decidedAt: Date?
    public private(set) var decidedBy: String?

    public init(
        id: Int, contactID: Int, status: Status = .pending, requestedAt: Date, requestedBy: String, decidedAt: Date? = nil,
        decidedBy: String? = nil
    ) {
        self.id = id
        self.contactID = contactID
        self.status = status
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }

    /// Applies `decision`, made by `actor` holding `roles`, at `now`.
    public mutating func decide(_ decision: Decision, by actor: String, roles: [Role], at now: Date) throws(ErasureError) -> Action {
        guard status == .pending else { throw .alreadyDecided(id: id, status: status) }
        let supervisor = roles.contains(.supervisor)
        switch decision {
        case .undo:
            guard actor == requestedBy || supervisor else { throw .undoNotAllowed(id: id) }
        case .confirm, .reject:
            guard supervisor else { throw .supervisorRequired(id: id) }
            guard actor != requestedBy else { throw .ownRequest(id: id) }
        }
        status =
            switch decision {
            case .undo: .undone
            case .confirm: .confirmed
            case .reject: .rejected
            }
        decidedAt = now
        decidedBy = actor
        return decision == .confirm ? .erase : .returnToQueues
    }
}
