import Campaigns
import Foundation

/// Why a route refused a request before it ran.
public enum AccessError: DomainError, Hashable {
    /// Nobody signed in, or a token that is unknown, revoked or of a disabled member.
    case unauthenticated
    /// The member must change their password before anything else.
    case passwordChangeRequired
    /// The member lacks the role the route needs.
    case forbidden(Access)
    /// A change from a browser session came without the session's CSRF token.
    case csrfTokenMissing
    /// Too many failed sign-ins from one address: it may try again at `until`.
    case tooManySignIns(until: Date)

    public var kind: FailureKind {
        switch self {
        case .unauthenticated: .unauthenticated
        case .passwordChangeRequired, .forbidden, .csrfTokenMissing: .forbidden
        case .tooManySignIns: .throttled
        }
    }

    public var code: String {
        switch self {
        case .unauthenticated: "access.unauthenticated"
        case .passwordChangeRequired: "access.password_change_required"
        case .forbidden: "access.forbidden"
        case .csrfTokenMissing: "access.csrf_token_missing"
        case .tooManySignIns: "access.too_many_sign_ins"
        }
    }

    public var description: String {
        switch self {
        case .unauthenticated: "sign in first: this needs a session or Authorization: Bearer <API token>"
        case .passwordChangeRequired: "the password has expired or was reset: change it first"
        case .forbidden(let access): "this needs the role of \(access)"
        case .csrfTokenMissing: "the request lacks the session's CSRF token (X-CSRF-Token header or _csrf form field)"
        case .tooManySignIns: "too many failed sign-ins from this address; try again a little later"
        }
    }
}
