import Campaigns

/// Who may use a route. Every route names its access when it is registered (see `Routes`).
public enum Access: Sendable, Hashable, CustomStringConvertible {
    /// Anybody, signed in or not: the sign-in page, health, metrics, a signed playback link.
    case anyone
    /// Any signed-in member, even one who must change their password first: their own
    /// password, signing out, who they are.
    case ownAccount
    /// Members holding at least one of these roles (and whose password is current).
    case roles(Set<Role>)

    public static func only(_ roles: Role...) -> Access { .roles(Set(roles)) }

    /// What the rule says of a request from `identity`.
    public enum Verdict: Sendable, Hashable {
        case admitted
        /// Nobody is signed in: sign in first.
        case unauthenticated
        /// Signed in, but the password must be changed before anything else.
        case passwordChangeRequired
        /// Signed in without the role the route needs.
        case forbidden
    }

    public func verdict(for identity: Identity?) -> Verdict {
        switch self {
        case .anyone: return .admitted
        case .ownAccount: return identity == nil ? .unauthenticated : .admitted
        case .roles(let roles):
            guard let identity else { return .unauthenticated }
            if identity.mustChangePassword { return .passwordChangeRequired }
            return roles.contains(where: identity.member.holds) ? .admitted : .forbidden
        }
    }

    public var description: String {
        switch self {
        case .anyone: "anyone"
        case .ownAccount: "signed in"
        case .roles(let roles): roles.sorted().map(\.rawValue).joined(separator: " or ")
        }
    }
}
