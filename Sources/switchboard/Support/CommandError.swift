import Campaigns
import Foundation

/// Why a command cannot go on, for failures of the command line's own work (files it reads,
/// searches it runs); the domain's errors speak for themselves.
enum CommandError: DomainError, Hashable {
    case unreadableFile(String)
    case notAScript(path: String, reason: String)
    /// Even the largest team `plan` may try does not reach the target.
    case planOutOfReach(agents: Int, contacts: Int, hours: Double)
    case noPassword
    case passwordsDiffer
    /// Staff accounts are changed by an administrator: the command must act as one.
    case administratorRequired(actingAs: String)
    /// The very first account must be able to administer the others.
    case firstMemberNotAdministrator

    var kind: FailureKind {
        switch self {
        case .administratorRequired: .forbidden
        default: .invalid
        }
    }

    var code: String {
        switch self {
        case .unreadableFile: "command.unreadable_file"
        case .notAScript: "command.not_a_script"
        case .planOutOfReach: "command.plan_out_of_reach"
        case .noPassword: "command.no_password"
        case .passwordsDiffer: "command.passwords_differ"
        case .administratorRequired: "command.administrator_required"
        case .firstMemberNotAdministrator: "command.first_member_not_administrator"
        }
    }

    var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read \(path)"
        case .notAScript(let path, let reason): "\(path) is not a call script: \(reason)"
        case .planOutOfReach(let agents, let contacts, let hours):
            "even \(agents) agents do not reach \(contacts) contacts in \(String(format: "%g", hours)) h"
        case .noPassword: "no password given: type it at the prompt, or pipe one line to standard input"
        case .passwordsDiffer: "the two passwords differ"
        case .administratorRequired(let actor):
            "changing staff accounts needs an administrator; this command acts as \(actor) "
                + "(name an administrator with --operator LOGIN or SWITCHBOARD_OPERATOR)"
        case .firstMemberNotAdministrator: "the first member of staff must hold the administrator role (--role administrator)"
        }
    }
}
