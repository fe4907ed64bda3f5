import Foundation

/// Why a staff account cannot be made, changed or signed in to.
public enum StaffError: DomainError, Hashable {
    case malformedLogin(String)
    case loginTaken(String)
    case unnamed
    case noRole
    /// The password breaks these rules of the policy.
    case weakPassword([PasswordPolicy.Rule])
    /// The password is one of the member's last few.
    case passwordReused(remembered: Int)
    /// The current password given for a change is not the member's.
    case currentPasswordWrong
    /// A wrong login or password; which of the two is not said.
    case wrongCredentials
    case locked(until: Date)
    case disabled
    /// Removing this role would leave nobody able to administer staff.
    case lastAdministrator

    public var kind: FailureKind {
        switch self {
        case .loginTaken, .lastAdministrator: .conflict
        case .wrongCredentials: .unauthenticated
        case .locked, .disabled, .currentPasswordWrong: .forbidden
        default: .invalid
        }
    }

    public var code: String {
        "staff." + {
            switch self {
            case .malformedLogin: "malformed_login"
            case .loginTaken: "login_taken"
            case .unnamed: "unnamed"
            case .noRole: "no_role"
            case .weakPassword: "weak_password"
            case .passwordReused: "password_reused"
            case .currentPasswordWrong: "current_password_wrong"
            case .wrongCredentials: "wrong_credentials"
            case .locked: "locked"
            case .disabled: "disabled"
            case .lastAdministrator: "last_administrator"
            }
        }()
    }

    public var description: String {
        switch self {
        case .malformedLogin(let login):
            "a login is 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit: \"\(login)\""
        case .loginTaken(let login): "the login \"\(login)\" is taken"
        case .unnamed: "a member of staff needs a name"
        case .noRole: "a member of staff holds at least one role: administrator, supervisor or agent"
        case .weakPassword(let rules): "the password " + rules.map(Self.sentence).joined(separator: ", ")
        case .passwordReused(let remembered): "the password must differ from the last \(remembered) passwords"
        case .currentPasswordWrong: "the current password is not right"
        case .wrongCredentials: "the login or the password is wrong"
        case .locked(let until):
            "the account is locked after too many wrong passwords; try again after \(Self.clock(until))"
        case .disabled: "the account is disabled; an administrator can enable it"
        case .lastAdministrator: "at least one active administrator must remain"
        }
    }

    private static func sentence(_ rule: PasswordPolicy.Rule) -> String {
        switch rule {
        case .tooShort: "must have at least 8 characters"
        case .tooLong: "may have at most 72 bytes"
        case .noLowercase: "needs a lower-case letter"
        case .noUppercase: "needs an upper-case letter"
        case .noDigitOrSpecial: "needs a digit or a special character"
        }
    }

    /// `14:05 (Warsaw time)`: when a lock ends.
    private static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        formatter.timeZone = TimeZone(identifier: "Europe/Warsaw")
        return formatter.string(from: date) + " (Warsaw time)"
    }
}
