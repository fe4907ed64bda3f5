import Campaigns

/// Who a request comes from: a member of staff, through a browser session or an API token.
public struct Identity: Sendable {
    public enum Credential: Sendable {
        /// A signed-in browser: changes must carry the session's CSRF token.
        case session(SessionStore.Session)
        /// A script's API token.
        case token
    }

    public let member: StaffMember
    public let credential: Credential

    /// The browser session, when the request came with one.
    public var session: SessionStore.Session? {
        if case .session(let session) = credential { session } else { nil }
    }

    /// A session opened with an expired or reset password may only change it.
    public var mustChangePassword: Bool { session?.mustChangePassword ?? false }
}
