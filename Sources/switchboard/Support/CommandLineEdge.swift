import ArgumentParser
import Campaigns
import Foundation
import Persistence

/// Where an error becomes what the terminal shows, once for every command: the message
/// after "Error:" on standard error, and an exit status by the error's kind (1 for what the
/// user can fix, 69 when the database is unavailable, 70 for the program's own fault).
/// Errors of ArgumentParser itself (usage, help, `ValidationError`) keep its own handling.
enum CommandLineEdge {
    static func exitStatus(for kind: FailureKind) -> Int32 {
        switch kind {
        case .notFound, .invalid, .conflict, .unauthenticated, .forbidden, .throttled: 1
        case .unavailable: 69  // EX_UNAVAILABLE
        case .internal: 70  // EX_SOFTWARE
        }
    }

    /// The message and exit status for an error a command threw, or nil for one that
    /// ArgumentParser reports itself.
    static func report(_ error: any Error) -> (message: String, status: Int32)? {
        switch error {
        case let error as any DomainError: (error.description, exitStatus(for: error.kind))
        case let error as DatabaseError: (error.description, error.isUnavailable ? 69 : 70)
        case let error as MigrationError: (error.description, 70)
        case let error as EmbeddedClusterError: (error.description, 69)
        default: nil
        }
    }
}
