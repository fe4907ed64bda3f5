import Campaigns
import Foundation

/// Why a command cannot go on, for failures of the command line's own work (files it reads,
/// searches it runs); the domain's errors speak for themselves.
enum CommandError: DomainError, Hashable {
    case unreadableFile(String)
    case notAScript(path: String, reason: String)
    /// Even the largest team `plan` may try does not reach the target.
    case planOutOfReach(agents: Int, contacts: Int, hours: Double)

    var kind: FailureKind { .invalid }

    var code: String {
        switch self {
        case .unreadableFile: "command.unreadable_file"
        case .notAScript: "command.not_a_script"
        case .planOutOfReach: "command.plan_out_of_reach"
        }
    }

    var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read \(path)"
        case .notAScript(let path, let reason): "\(path) is not a call script: \(reason)"
        case .planOutOfReach(let agents, let contacts, let hours):
            "even \(agents) agents do not reach \(contacts) contacts in \(String(format: "%g", hours)) h"
        }
    }
}
